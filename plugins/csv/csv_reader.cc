#include "csv_reader.h"

#include <algorithm>

#include "../common/plugin_kit.h"
#include "../common/utf8_check.h"

namespace pathrank::plugin {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

[[noreturn]] void Fail(const std::string& name, size_t line, const std::string& reason) {
  throw PluginError(PR_ERR_DATA, name + " line " + std::to_string(line) + ": " + reason);
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& name, char separator)
      : text_(text), name_(name), separator_(separator) {}

  std::vector<CsvRecord> Run() {
    if (text_.substr(0, kBom.size()) == kBom) pos_ = kBom.size();
    if (auto bad = FindInvalidUtf8(text_)) {
      const size_t line =
          1 + static_cast<size_t>(std::count(text_.begin(), text_.begin() + *bad, '\n'));
      Fail(name_, line, "not valid UTF-8 (byte " + std::to_string(*bad) + " of the file)");
    }
    while (pos_ < text_.size()) ParseRecord();
    return std::move(records_);
  }

 private:
  // Consumes a line break at pos_ (CRLF, LF or CR); false if none is there.
  bool LineBreak() {
    if (text_[pos_] == '\r') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    } else if (text_[pos_] == '\n') {
      ++pos_;
    } else {
      return false;
    }
    ++line_;
    line_start_ = pos_;
    return true;
  }

  size_t Column() const { return pos_ - line_start_ + 1; }

  void ParseRecord() {
    CsvRecord record;
    record.line = line_;
    bool any_quoted = false;
    while (true) {
      std::string field;
      const bool quoted = pos_ < text_.size() && text_[pos_] == '"';
      if (quoted) {
        any_quoted = true;
        const size_t open_line = line_;
        ++pos_;
        while (true) {
          if (pos_ >= text_.size()) Fail(name_, open_line, "quoted field is never closed");
          const char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
              field += '"';
              pos_ += 2;
              continue;
            }
            ++pos_;
            break;
          }
          if (c == '\r' || c == '\n') {
            const size_t start = pos_;
            LineBreak();
            field.append(text_.substr(start, pos_ - start));
            continue;
          }
          field += c;
          ++pos_;
        }
        if (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\r' &&
            text_[pos_] != '\n') {
          Fail(name_, line_,
               "text after the closing quote of a field (column " + std::to_string(Column()) + ")");
        }
      } else {
        while (pos_ < text_.size()) {
          const char c = text_[pos_];
          if (c == separator_ || c == '\r' || c == '\n') break;
          if (c == '"') {
            Fail(name_, line_,
                 "a quote inside an unquoted field (column " + std::to_string(Column()) +
                     "); quote the whole field");
          }
          field += c;
          ++pos_;
        }
      }
      record.fields.push_back(std::move(field));
      if (pos_ >= text_.size()) break;
      if (text_[pos_] == separator_) {
        ++pos_;
        continue;
      }
      LineBreak();
      break;
    }
    const bool blank = !any_quoted && record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) records_.push_back(std::move(record));
  }

  std::string_view text_;
  const std::string& name_;
  char separator_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t line_start_ = 0;
  std::vector<CsvRecord> records_;
};

}  // namespace

std::vector<CsvRecord> ParseCsv(std::string_view text, const std::string& name, char separator) {
  return Parser(text, name, separator).Run();
}

CsvTable::CsvTable(std::string_view text, std::string name) : name_(std::move(name)) {
  std::vector<CsvRecord> records = ParseCsv(text, name_);
  if (records.empty()) throw PluginError(PR_ERR_DATA, name_ + ": empty file (no header)");
  for (std::string& column : records[0].fields) {
    std::string trimmed(Trim(column));
    if (!index_.emplace(trimmed, header_.size()).second) {
      Fail(name_, records[0].line, "column \"" + trimmed + "\" appears twice in the header");
    }
    header_.push_back(std::move(trimmed));
  }
  for (size_t r = 1; r < records.size(); ++r) {
    if (records[r].fields.size() != header_.size()) {
      Fail(name_, records[r].line,
           std::to_string(records[r].fields.size()) + " fields, but the header has " +
               std::to_string(header_.size()));
    }
    rows_.push_back(std::move(records[r]));
  }
}

std::string CsvTable::Where(const CsvRecord& row) const {
  return name_ + " line " + std::to_string(row.line);
}

std::optional<size_t> CsvTable::Find(std::string_view column) const {
  auto it = index_.find(column);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

size_t CsvTable::Require(std::string_view column, std::string_view config_key) const {
  if (auto found = Find(column)) return *found;
  std::string columns;
  for (const std::string& h : header_) columns += (columns.empty() ? "" : ", ") + h;
  std::string reason = name_ + ": no column \"" + std::string(column) + "\"";
  if (!config_key.empty()) reason += " (set by config key \"" + std::string(config_key) + "\")";
  throw PluginError(PR_ERR_DATA, reason + "; the header has: " + columns);
}

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> SplitList(std::string_view cell, std::string_view delimiter) {
  std::vector<std::string> out;
  if (delimiter.empty()) {
    if (!Trim(cell).empty()) out.emplace_back(Trim(cell));
    return out;
  }
  size_t start = 0;
  while (true) {
    const size_t end = cell.find(delimiter, start);
    const std::string_view part = Trim(
        cell.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!part.empty()) out.emplace_back(part);
    if (end == std::string_view::npos) break;
    start = end + delimiter.size();
  }
  return out;
}

}  // namespace pathrank::plugin

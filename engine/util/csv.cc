#include "util/csv.h"

#include <algorithm>

#include "util/utf8.h"

namespace pathrank::internal {

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";
}  // namespace

CsvReader::CsvReader(std::string_view text, char separator) : text_(text), separator_(separator) {
  if (text_.substr(0, kBom.size()) == kBom) pos_ = kBom.size();
  if (auto bad = FindInvalidUtf8(text_)) {
    const size_t line =
        1 + static_cast<size_t>(std::count(text_.begin(), text_.begin() + *bad, '\n'));
    Fail(line, "not valid UTF-8 (byte " + std::to_string(*bad) + " of the file)");
  }
}

bool CsvReader::Fail(size_t line, std::string reason) {
  line_ = line;
  error_ = std::move(reason);
  return false;
}

bool CsvReader::LineBreak() {
  if (text_[pos_] == '\r') {
    ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  } else if (text_[pos_] == '\n') {
    ++pos_;
  } else {
    return false;
  }
  ++next_line_;
  line_start_ = pos_;
  return true;
}

bool CsvReader::ReadQuoted(CsvField* field) {
  field->quoted = true;
  const size_t open_line = next_line_;
  ++pos_;
  while (true) {
    if (pos_ >= text_.size()) return Fail(open_line, "quoted field is never closed");
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        field->text += '"';
        pos_ += 2;
        continue;
      }
      ++pos_;
      break;
    }
    if (c == '\r' || c == '\n') {
      const size_t start = pos_;
      LineBreak();
      field->text.append(text_.substr(start, pos_ - start));
      continue;
    }
    field->text += c;
    ++pos_;
  }
  if (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\r' &&
      text_[pos_] != '\n') {
    return Fail(next_line_, "text after the closing quote of a field (column " +
                                std::to_string(Column()) + ")");
  }
  return true;
}

bool CsvReader::ReadUnquoted(CsvField* field) {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == separator_ || c == '\r' || c == '\n') break;
    if (c == '"') {
      return Fail(next_line_, "a quote inside an unquoted field (column " +
                                  std::to_string(Column()) + "); quote the whole field");
    }
    field->text += c;
    ++pos_;
  }
  return true;
}

bool CsvReader::Next(std::vector<CsvField>* fields) {
  while (error_.empty() && pos_ < text_.size()) {
    fields->clear();
    line_ = next_line_;
    bool any_quoted = false;
    while (true) {
      CsvField field;
      field.column = Column();
      const bool quoted = pos_ < text_.size() && text_[pos_] == '"';
      any_quoted |= quoted;
      if (!(quoted ? ReadQuoted(&field) : ReadUnquoted(&field))) return false;
      fields->push_back(std::move(field));
      if (pos_ >= text_.size()) break;
      if (text_[pos_] == separator_) {
        ++pos_;
        continue;
      }
      LineBreak();
      break;
    }
    const bool blank = !any_quoted && fields->size() == 1 && (*fields)[0].text.empty();
    if (!blank) return true;
  }
  fields->clear();
  return false;
}

std::string CsvQuote(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string_view TrimSpaces(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> SplitList(std::string_view text, std::string_view delimiter) {
  std::vector<std::string> out;
  if (delimiter.empty()) {
    if (!TrimSpaces(text).empty()) out.emplace_back(TrimSpaces(text));
    return out;
  }
  size_t start = 0;
  while (true) {
    const size_t end = text.find(delimiter, start);
    const std::string_view part = TrimSpaces(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!part.empty()) out.emplace_back(part);
    if (end == std::string_view::npos) break;
    start = end + delimiter.size();
  }
  return out;
}

}  // namespace pathrank::internal

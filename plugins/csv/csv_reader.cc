#include "csv_reader.h"

#include "../common/plugin_kit.h"
#include "util/csv.h"

namespace pathrank::plugin {

namespace {

[[noreturn]] void Fail(const std::string& name, size_t line, const std::string& reason) {
  throw PluginError(PR_ERR_DATA, name + " line " + std::to_string(line) + ": " + reason);
}

}  // namespace

std::vector<CsvRecord> ParseCsv(std::string_view text, const std::string& name, char separator) {
  internal::CsvReader reader(text, separator);
  std::vector<CsvRecord> records;
  std::vector<internal::CsvField> fields;
  while (reader.Next(&fields)) {
    CsvRecord record;
    record.line = reader.line();
    record.fields.reserve(fields.size());
    for (internal::CsvField& f : fields) record.fields.push_back(std::move(f.text));
    records.push_back(std::move(record));
  }
  if (!reader.error().empty()) Fail(name, reader.line(), reader.error());
  return records;
}

CsvTable::CsvTable(std::string_view text, std::string name) : name_(std::move(name)) {
  std::vector<CsvRecord> records = ParseCsv(text, name_);
  if (records.empty()) throw PluginError(PR_ERR_DATA, name_ + ": empty file (no header)");
  for (std::string& column : records[0].fields) {
    std::string trimmed(internal::TrimSpaces(column));
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

}  // namespace pathrank::plugin

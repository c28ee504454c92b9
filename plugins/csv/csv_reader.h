// CSV files for the plugin, read by the one CSV reader (util/csv.h): fields separated by a one-byte
// delimiter, records by CRLF, LF or CR; a field in double quotes may hold the delimiter, line
// breaks and doubled quotes (""); a UTF-8 byte-order mark at the start is
// skipped; blank lines are skipped. Strict where RFC 4180 is: a quote inside
// an unquoted field, text after a closing quote, an unterminated quote or
// bytes that are not UTF-8 fail the read, naming the file and line.
//
// Thread safety: pure functions over their arguments.

#ifndef PATHRANK_PLUGINS_CSV_CSV_READER_H_
#define PATHRANK_PLUGINS_CSV_CSV_READER_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pathrank::plugin {

struct CsvRecord {
  size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Parses `text` (the whole file; `name` is used in messages). Throws
// PluginError PR_ERR_DATA: "<name> line L: <reason>".
std::vector<CsvRecord> ParseCsv(std::string_view text, const std::string& name,
                                char separator = ',');

// A CSV file whose first record is a header of column names.
class CsvTable {
 public:
  // Parses the file and its header; every record must have as many fields
  // as the header. Throws PluginError PR_ERR_DATA naming the line.
  CsvTable(std::string_view text, std::string name);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<CsvRecord>& rows() const { return rows_; }
  // "<name> line L".
  std::string Where(const CsvRecord& row) const;

  // The index of column `column`, or nullopt when the header lacks it.
  std::optional<size_t> Find(std::string_view column) const;
  // The index of `column`; throws PluginError PR_ERR_DATA ("<name>: no
  // column \"x\" (columns: ...)"), mentioning `config_key` when the name
  // came from the config.
  size_t Require(std::string_view column, std::string_view config_key = "") const;

 private:
  std::string name_;
  std::vector<std::string> header_;
  std::map<std::string, size_t, std::less<>> index_;
  std::vector<CsvRecord> rows_;
};

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_CSV_CSV_READER_H_

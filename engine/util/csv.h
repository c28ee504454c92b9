// The one CSV reader of pathrank (RFC 4180), used by the trajectory reader,
// the CSV plugin and the evaluation-data readers.
//
// Fields are separated by a one-byte separator (',' unless told), records by
// CRLF, LF or CR; a field in double quotes may hold the separator, line
// breaks and doubled quotes (""); a UTF-8 byte-order mark at the start is
// skipped, and so are blank lines. Strict where RFC 4180 is: a quote inside
// an unquoted field, text after a closing quote, an unterminated quote or
// bytes that are not UTF-8 stop the read with an error naming the line.
//
// Thread safety: a reader is used by one thread; distinct readers are
// independent. Ownership: the reader borrows `text`, which must outlive it.

#ifndef PATHRANK_UTIL_CSV_H_
#define PATHRANK_UTIL_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace pathrank::internal {

struct CsvField {
  std::string text;
  size_t column = 1;  // 1-based byte column where the field starts
  bool quoted = false;
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text, char separator = ',');

  // Reads the next non-blank record into `fields`; false at the end of the
  // text or on an error (then error() is set and line() names the line).
  bool Next(std::vector<CsvField>* fields);

  // The 1-based line where the last record read (or the error) starts.
  size_t line() const { return line_; }
  // Empty, or why the read stopped: "quoted field is never closed", ...
  const std::string& error() const { return error_; }

 private:
  bool LineBreak();  // consumes CRLF, LF or CR at pos_; false if none
  size_t Column() const { return pos_ - line_start_ + 1; }
  bool Fail(size_t line, std::string reason);
  bool ReadQuoted(CsvField* field);
  bool ReadUnquoted(CsvField* field);

  std::string_view text_;
  char separator_;
  size_t pos_ = 0;
  size_t line_ = 1;       // where the current record starts
  size_t next_line_ = 1;  // the line pos_ is on
  size_t line_start_ = 0;
  std::string error_;
};

// `s` as one CSV field: quoted when it holds a comma, quote or line break.
std::string CsvQuote(std::string_view s);

// `s` without leading and trailing ASCII spaces and tabs.
std::string_view TrimSpaces(std::string_view s);

// Splits `text` at `delimiter`, trims spaces and tabs around each part and
// drops empty parts: "a, b,,c" -> {"a", "b", "c"}. An empty delimiter
// yields the trimmed text as one part (none when it is blank).
std::vector<std::string> SplitList(std::string_view text, std::string_view delimiter);

}  // namespace pathrank::internal

#endif  // PATHRANK_UTIL_CSV_H_

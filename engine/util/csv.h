// A small RFC 4180 CSV reader (quoted fields, "" escapes, CRLF, a leading
// UTF-8 BOM) that reports the line and column of each field. Private to
// engine/src.

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
  explicit CsvReader(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  // Reads the next record into `fields`; false at the end of the text or on
  // a syntax error (then error() is set and line() names the line).
  bool Next(std::vector<CsvField>* fields) {
    fields->clear();
    if (pos_ >= text_.size() || !error_.empty()) return false;
    line_ = next_line_;
    size_t line_start = pos_;
    for (;;) {
      CsvField field;
      field.column = pos_ - line_start + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        field.quoted = true;
        ++pos_;
        for (;;) {
          if (pos_ >= text_.size()) {
            error_ = "unterminated quoted field";
            return false;
          }
          const char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              field.text += '"';
              ++pos_;
            } else {
              break;
            }
          } else {
            if (c == '\n') {
              ++next_line_;
              line_start = pos_;
            }
            field.text += c;
          }
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
            text_[pos_] != '\r') {
          error_ = "unexpected character after a quoted field at column " +
                   std::to_string(pos_ - line_start + 1);
          return false;
        }
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
               text_[pos_] != '\r') {
          field.text += text_[pos_++];
        }
      }
      fields->push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++next_line_;
      return true;
    }
  }

  size_t line() const { return line_; }
  const std::string& error() const { return error_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t next_line_ = 1;
  std::string error_;
};

// `s` as one CSV field: quoted when it holds a comma, quote or line break.
inline std::string CsvQuote(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace pathrank::internal

#endif  // PATHRANK_UTIL_CSV_H_

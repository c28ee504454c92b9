#include "util/json/json_syntax_error.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

#include "util/text_position.h"

namespace pathrank::json {

namespace {

using nlohmann::json;

// A char iterator over the text that records in `*read` how far nlohmann
// has read, so that SAX events, which carry no position, can be placed.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator(const char* at, const char** read) : at_(at), read_(read) {}

  reference operator*() const { return *at_; }
  TrackingIterator& operator++() {
    *read_ = ++at_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackingIterator& other) const { return at_ == other.at_; }

 private:
  const char* at_;
  const char** read_;
};

// Stops at the first syntax error or JsonDocument limit and records where.
class ErrorFinder final : public json::json_sax_t {
 public:
  ErrorFinder(std::string_view text, const char* const* read, size_t max_depth)
      : text_(text), read_(read), max_depth_(max_depth) {}

  bool found() const { return found_; }
  size_t offset() const { return offset_; }
  const std::string& reason() const { return reason_; }

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t& literal) override {
    if (literal.find_first_of(".eE") != std::string::npos) return true;
    // An integer that fits neither int64 nor uint64: nlohmann reads it as a
    // double, simdjson rejects it. nlohmann has read one byte past it unless
    // it ends the text; a number's last byte is a digit.
    size_t end = Read();
    if (end > 0 && (text_[end - 1] < '0' || text_[end - 1] > '9')) --end;
    return Found(end - std::min(end, literal.size()), "integer out of range (beyond 64 bits)");
  }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return Open(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(); }
  bool end_array() override { return Close(); }

  // `position` counts the bytes read, the offending one included.
  bool parse_error(std::size_t position, const std::string& last_token,
                   const json::exception& e) override {
    // A number too large for a double, reported once all of it
    // (`last_token`) has been read: point at its first byte.
    if (e.id == 406) {
      return Found(position - std::min(position, last_token.size()),
                   "number out of range (beyond a double)");
    }
    // e.what() is "[json.exception.parse_error.101] parse error at line L,
    // column C: <reason>"; keep the reason.
    std::string reason = e.what();
    if (const size_t colon = reason.find(": "); colon != std::string::npos) {
      reason.erase(0, colon + 2);
    }
    // Drop "; last read: '<token>'": it quotes the input, which may be
    // invalid UTF-8 (answers must be valid JSON) or a secret from the config.
    const std::string quote = "; last read: '" + last_token + "'";
    if (const size_t at = reason.find(quote); at != std::string::npos) {
      reason.erase(at, quote.size());
    }
    return Found(position - std::min<size_t>(position, 1), std::move(reason));
  }

 private:
  // Bytes of the text nlohmann has read so far.
  size_t Read() const { return static_cast<size_t>(*read_ - text_.data()); }

  // Called with the opening bracket just read.
  bool Open() {
    if (++depth_ <= max_depth_) return true;
    return Found(Read() - 1, "nesting deeper than " + std::to_string(max_depth_) + " levels");
  }
  bool Close() {
    --depth_;
    return true;
  }

  bool Found(size_t offset, std::string reason) {
    found_ = true;
    offset_ = offset;
    reason_ = std::move(reason);
    return false;  // stops the parse
  }

  std::string_view text_;
  const char* const* read_;
  size_t max_depth_;
  size_t depth_ = 0;
  bool found_ = false;
  size_t offset_ = 0;
  std::string reason_;
};

}  // namespace

std::string DescribeJsonError(std::string_view text, size_t max_depth,
                              std::string_view fallback_reason) {
  const char* read = text.data();
  ErrorFinder finder(text, &read, max_depth);
  // With a SAX handler, nlohmann reports errors to it instead of throwing.
  json::sax_parse(TrackingIterator(text.data(), &read),
                  TrackingIterator(text.data() + text.size(), &read), &finder);
  if (finder.found()) return TextPosition(text, finder.offset()) + ": " + finder.reason();
  // What nlohmann lets pass: a UTF-8 byte order mark, which it skips, and a
  // NUL byte, which it takes for the end of the text (so one after a whole
  // value). Otherwise say what simdjson said.
  if (text.starts_with("\xEF\xBB\xBF")) {
    return TextPosition(text, 0) + ": unexpected byte order mark (UTF-8 BOM)";
  }
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return TextPosition(text, nul) + ": unexpected NUL byte after the JSON value";
  }
  return TextPosition(text, 0) + ": " + std::string(fallback_reason);
}

}  // namespace pathrank::json

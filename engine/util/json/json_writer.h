// json::Writer: the one writer of JSON text in pathrank (answers, problem
// documents, the CLI's --json output). A streaming writer into one string:
// no value tree is built, members are written in the order they are given.
//
// Output is byte-for-byte the layout of nlohmann::json::dump(), which
// pathrank used before (tests and clients saw it): compact (no spaces) or
// indented by N spaces with "key": value; integers as written, doubles with
// the shortest digits that read back to the same double (std::to_chars),
// always with a fraction or exponent ("1.0", "0.25", "1e+21"), placed as
// nlohmann places them (fixed for decimal exponents -4 < e <= 15); NaN and
// infinities as null. Strings: `"` `\` and the control characters below
// U+0020 escaped (\b \f \n \r \t, else \u00XX), all other UTF-8 written as
// is; a byte that is not part of well-formed UTF-8 becomes U+FFFD, so the
// output is always valid JSON in valid UTF-8.
//
// Why hand-written: bench/json_bench.cc (BM_WriteRecommendAnswer*) writes a
// recommend answer with this writer and with nlohmann's ordered_json +
// dump(); the figures are in bench/RESULTS.md.
//
// Use: Begin/End calls must nest and every object member must be a Key()
// followed by exactly one value (checked by assert only).
//
// Ownership and thread safety: a Writer owns its text; one Writer is used
// by one thread at a time.

#ifndef PATHRANK_UTIL_JSON_JSON_WRITER_H_
#define PATHRANK_UTIL_JSON_JSON_WRITER_H_

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pathrank::json {

class Writer {
 public:
  // `indent` < 0: compact; otherwise one member or element per line,
  // indented by `indent` spaces per level (nlohmann's dump(indent)).
  explicit Writer(int indent = -1) : indent_(indent) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The key of the next object member. REQUIRES: inside an object.
  void Key(std::string_view key);

  void String(std::string_view value);
  void Number(double value);
  void Int(int64_t value);
  void UInt(uint64_t value);
  void Bool(bool value);
  void Null();
  // A complete JSON text written as the next value, as it is.
  // REQUIRES: `json` is valid JSON (e.g. written by a Writer).
  void Raw(std::string_view json);
  // The members of the JSON object `object_json` written as members of the
  // object being written (nothing for "{}" or ""). REQUIRES: inside an
  // object, not after Key(); `object_json` is a compact JSON object whose
  // keys differ from the members written around it.
  void RawMembers(std::string_view object_json);

  // A value of a C++ type: bool, integers, floating point, strings, ranges
  // of values (arrays) and maps with string keys (objects).
  template <typename T>
  void Value(const T& value);

  // Key(key), then Value(value).
  template <typename T>
  void Member(std::string_view key, const T& value) {
    Key(key);
    Value(value);
  }

  // Room for `bytes` of text (and a few levels of nesting) before the
  // first write, so a document of about that size never reallocates.
  void Reserve(size_t bytes) {
    out_.reserve(bytes);
    levels_.reserve(16);
  }

  const std::string& text() const { return out_; }
  // The text; the writer is left empty, ready for another document.
  std::string Take();

 private:
  // Separators and indentation before a value or key.
  void Separate();
  void Open(char bracket, bool object);
  void Close(char bracket);
  void NewLine(size_t depth);

  struct Level {
    bool object;
    bool empty;
  };
  std::string out_;
  std::vector<Level> levels_;
  int indent_;
  bool after_key_ = false;
};

// Appends `value` as a JSON string (quoted, escaped as Writer does).
void AppendQuoted(std::string_view value, std::string* out);
// Appends `value` as Writer::Number writes it.
void AppendDouble(double value, std::string* out);

namespace detail {
template <typename T, typename = void>
struct IsMap : std::false_type {};
template <typename T>
struct IsMap<T, std::void_t<typename T::mapped_type, typename T::key_type>> : std::true_type {};
template <typename T, typename = void>
struct IsRange : std::false_type {};
template <typename T>
struct IsRange<T, std::void_t<decltype(std::begin(std::declval<const T&>())),
                              decltype(std::end(std::declval<const T&>()))>> : std::true_type {};
}  // namespace detail

template <typename T>
void Writer::Value(const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    Bool(value);
  } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
    Int(static_cast<int64_t>(value));
  } else if constexpr (std::is_integral_v<T>) {
    UInt(static_cast<uint64_t>(value));
  } else if constexpr (std::is_floating_point_v<T>) {
    Number(static_cast<double>(value));
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    String(std::string_view(value));
  } else if constexpr (detail::IsMap<T>::value) {
    BeginObject();
    for (const auto& [key, item] : value) Member(key, item);
    EndObject();
  } else if constexpr (detail::IsRange<T>::value) {
    BeginArray();
    for (const auto& item : value) Value(item);
    EndArray();
  } else {
    static_assert(sizeof(T) == 0, "json::Writer::Value: unsupported type");
  }
}

}  // namespace pathrank::json

#endif  // PATHRANK_UTIL_JSON_JSON_WRITER_H_

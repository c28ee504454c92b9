#include "awesome_list.h"

#include <algorithm>
#include <unordered_map>

#include "../common/plugin_kit.h"

namespace pathrank::plugin {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Reads "[name](url)rest" at the start of `s`; false when it is not there.
// The url may hold balanced parentheses.
bool ReadLink(std::string_view s, std::string* name, std::string* url, std::string_view* rest) {
  if (s.empty() || s.front() != '[') return false;
  const size_t close = s.find("](");
  if (close == std::string_view::npos || close == 1) return false;
  *name = std::string(Trim(s.substr(1, close - 1)));
  int depth = 1;
  size_t i = close + 2;
  for (; i < s.size() && depth > 0; ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')') --depth;
  }
  if (depth != 0) return false;
  *url = std::string(Trim(s.substr(close + 2, i - 1 - (close + 2))));
  *rest = s.substr(i);
  return !name->empty() && !url->empty();
}

// The description after the link: "- text", "– text" or "— text"; false
// when no separator precedes it.
bool ReadDescription(std::string_view rest, std::string* description) {
  rest = Trim(rest);
  for (std::string_view dash : {"-", "\u2013", "\u2014"}) {
    if (rest.starts_with(dash)) {
      *description = std::string(Trim(rest.substr(dash.size())));
      return true;
    }
  }
  *description = std::string(rest);
  return rest.empty();
}

struct Parser {
  const std::string& file;
  Defects* defects;
  const pr_sink* sink;
  AwesomeList out;
  bool resources = false, in_contents = false;
  std::string category, subcategory;
  size_t category_entries = 0;
  std::unordered_map<std::string, size_t> url_lines;  // UrlKey -> first line

  std::string At(size_t line) const { return file + " line " + std::to_string(line); }

  void Warn(size_t line, const std::string& what) {
    Log(sink, PR_LOG_WARNING, At(line) + ": " + what);
  }

  void EndCategory() {
    if (!category.empty() && !in_contents && category_entries == 0)
      out.empty_categories.push_back(category);
  }

  void Heading(std::string_view line) {
    // A line of '#' only ("#", found by fuzz_awesome_go) is a heading with
    // an empty title.
    const size_t level = std::min(line.find_first_not_of('#'), line.size());
    const std::string title(Trim(line.substr(level)));
    if (level == 1) {
      EndCategory();
      resources = title == "Resources";
      category.clear();
      subcategory.clear();
      in_contents = false;
    } else if (level == 2) {
      EndCategory();
      category = title;
      subcategory.clear();
      category_entries = 0;
      in_contents = title == "Contents";
    } else if (level == 3) {
      subcategory = title;
    }
  }

  void Bullet(size_t n, std::string_view raw, std::string_view body) {
    const bool anchor = body.starts_with("[") && body.find("](#") != std::string_view::npos &&
                        body.find("](#") == body.find("](");
    if (in_contents || anchor) {
      ++out.contents_links;
      return;
    }
    if (Trim(body).empty()) {
      Warn(n, "an empty list item; nothing to read");
      return;
    }
    AwesomeEntry e;
    e.line = n;
    std::string_view rest;
    if (!ReadLink(body, &e.name, &e.url, &rest)) {
      defects->Add(At(n), "a list item without a \"[name](url)\" link", "the line");
      return;
    }
    if (category.empty()) {
      defects->Add(At(n) + " (entry \"" + e.name + "\")", "an entry before any category",
                   "the entry");
      return;
    }
    if (raw.front() == ' ' || raw.front() == '\t')
      Warn(n, "entry \"" + e.name + "\" is indented (a nested list); read as an entry of " +
                  (subcategory.empty() ? category : subcategory));
    if (!ReadDescription(rest, &e.description))
      Warn(n, "entry \"" + e.name +
                  "\" has no \" - \" between its link and its description; "
                  "the text after the link is read as the description");
    auto [it, fresh] = url_lines.emplace(UrlKey(e.url), n);
    if (!fresh) {
      defects->Add(At(n) + " (entry \"" + e.name + "\")",
                   "its URL " + e.url + " is listed already at line " + std::to_string(it->second),
                   "the repeat");
      return;
    }
    e.resource = resources;
    e.category = category;
    e.subcategory = subcategory;
    ++category_entries;
    out.entries.push_back(std::move(e));
  }
};

}  // namespace

std::string UrlKey(std::string_view url) {
  std::string key;
  for (char c : url) key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (std::string_view prefix : {"https://", "http://"}) {
    if (key.starts_with(prefix)) key.erase(0, prefix.size());
  }
  if (key.starts_with("www.")) key.erase(0, 4);
  if (key.starts_with("github.com/")) key.erase(0, 11);
  while (!key.empty() && key.back() == '/') key.pop_back();
  return key;
}

AwesomeList ParseAwesomeList(std::string_view text, const std::string& file, Defects* defects,
                             const pr_sink* sink) {
  Parser p{file, defects, sink, {}, false, false, {}, {}, 0, {}};
  if (text.starts_with("\xEF\xBB\xBF")) {
    p.Warn(1, "a UTF-8 byte-order mark; skipped");
    text.remove_prefix(3);
  }
  size_t n = 0;
  while (!text.empty()) {
    ++n;
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.starts_with("#")) {
      p.Heading(line);
      continue;
    }
    const std::string_view trimmed = Trim(line);
    if (trimmed == "-" || trimmed == "*" || trimmed.starts_with("- ") ||
        trimmed.starts_with("* ")) {
      p.Bullet(n, line, trimmed.size() < 2 ? std::string_view() : Trim(trimmed.substr(2)));
    }
  }
  p.EndCategory();
  return std::move(p.out);
}

}  // namespace pathrank::plugin

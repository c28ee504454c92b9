#include "ossu_prerequisites.h"

#include <algorithm>

#include "util/csv.h"

namespace pathrank::plugin {

namespace {

using internal::TrimSpaces;

std::string NoTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// `cell` with each markdown link [text](url) replaced by its text; the
// links' targets go to `links` (normalised text -> url).
std::string StripLinks(std::string_view cell, std::map<std::string, std::string>* links) {
  std::string out;
  size_t i = 0;
  while (i < cell.size()) {
    const size_t close = cell[i] == '[' ? cell.find("](", i) : std::string_view::npos;
    const size_t end = close == std::string_view::npos ? close : cell.find(')', close);
    if (end == std::string_view::npos) {
      out += cell[i++];
      continue;
    }
    const std::string_view text = cell.substr(i + 1, close - i - 1);
    (*links)[OssuPrerequisiteIndex::Normalize(text)] =
        NoTrailingSlash(std::string(cell.substr(close + 2, end - close - 2)));
    out += text;
    i = end + 1;
  }
  return out;
}

std::vector<std::string> SplitAt(std::string_view text, std::string_view separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(separator, start);
    const std::string_view part = TrimSpaces(text.substr(start, at - start));
    if (!part.empty()) out.emplace_back(part);
    if (at == std::string_view::npos) break;
    start = at + separator.size();
  }
  return out;
}

ClauseRecord Clause(std::vector<std::string> any_of, std::string note) {
  ClauseRecord c;
  c.any_of = std::move(any_of);
  c.note = std::move(note);
  return c;
}

}  // namespace

std::string OssuPrerequisiteIndex::Normalize(std::string_view text) {
  std::string spaced;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80) != 0;
    spaced += word ? c : ' ';
  }
  std::string out;
  for (const std::string& w : SplitAt(spaced, " ")) {
    const std::string word = w == "i" ? "1" : w == "ii" ? "2" : w == "iii" ? "3" : w;
    out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

OssuPrerequisiteIndex::OssuPrerequisiteIndex(const std::vector<OssuCourse>& courses)
    : courses_(courses) {
  for (size_t i = 0; i < courses.size(); ++i) {
    const std::string& t = courses[i].title;
    std::vector<std::string> names = {Normalize(t)};
    if (const size_t colon = t.find(':'); colon != std::string::npos) {
      names.push_back(Normalize(t.substr(0, colon)));
      names.push_back(Normalize(t.substr(colon + 1)));
      if (const size_t part = t.rfind(", Part "); part != std::string::npos && part > colon) {
        names.push_back(Normalize(t.substr(0, colon) + t.substr(part + 1)));
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const std::string& n : names) {
      if (!n.empty()) names_[n].push_back(i);
    }
    if (!courses[i].url.empty()) urls_.emplace(NoTrailingSlash(courses[i].url), i);
  }
}

std::vector<ClauseRecord> OssuPrerequisiteIndex::Match(
    std::string_view text, const std::map<std::string, std::string>& links,
    const std::string& item_id) const {
  const std::string key = Normalize(text);
  const std::string note(TrimSpaces(text));
  if (key.empty()) return {};
  if (auto it = names_.find(key); it != names_.end() && it->second.size() == 1) {
    return {Clause({courses_[it->second[0]].id}, note)};
  }
  if (auto link = links.find(key); link != links.end()) {
    if (auto it = urls_.find(link->second); it != urls_.end()) {
      return {Clause({courses_[it->second].id}, note)};
    }
  }
  if (key.ends_with(" part 1")) {
    auto it = names_.find(key.substr(0, key.size() - 7));
    if (it != names_.end() && it->second.size() == 1) {
      return {Clause({courses_[it->second[0]].id}, note)};
    }
  }
  // A course group: each required course, one of each "choose one" table.
  std::vector<ClauseRecord> clauses;
  std::map<int, size_t> alternative_clause;  // alternative set -> index in clauses
  for (const OssuCourse& c : courses_) {
    if (c.id == item_id || std::find(c.groups.begin(), c.groups.end(), key) == c.groups.end())
      continue;
    if (c.alternative_set < 0) {
      clauses.push_back(Clause({c.id}, note));
      continue;
    }
    auto [it, fresh] = alternative_clause.emplace(c.alternative_set, clauses.size());
    if (fresh) {
      clauses.push_back(Clause({c.id}, note + " (one of)"));
    } else {
      clauses[it->second].any_of.push_back(c.id);
    }
  }
  return clauses;
}

std::vector<ClauseRecord> OssuPrerequisiteIndex::Resolve(
    std::string_view cell, const std::string& item_id, std::vector<std::string>* unresolved) const {
  std::map<std::string, std::string> links;
  const std::string plain = StripLinks(cell, &links);
  const std::string whole = Normalize(plain);
  if (whole.empty() || whole == "none" || whole == "n a") return {};
  std::vector<ClauseRecord> out;
  const auto take = [&](std::vector<ClauseRecord> found, bool recommends) {
    for (ClauseRecord& c : found) {
      if (recommends) c.type = PR_CLAUSE_RECOMMENDS;
      out.push_back(std::move(c));
    }
  };
  const std::vector<std::string> parts = SplitAt(plain, ",");
  for (size_t i = 0; i < parts.size();) {
    std::string_view first = parts[i];
    bool recommends = false;
    if (Normalize(first).starts_with("corequisite ")) {
      first = TrimSpaces(first.substr(first.find(':') + 1));
      recommends = true;
    }
    size_t j = parts.size();
    for (; j > i; --j) {
      std::string run(first);
      for (size_t k = i + 1; k < j; ++k) run += ", " + parts[k];
      std::vector<ClauseRecord> found = Match(run, links, item_id);
      if (!found.empty()) {
        take(std::move(found), recommends);
        break;
      }
    }
    if (j > i) {
      i = j;
      continue;
    }
    std::string piece_text(first);
    if (piece_text.starts_with("and ")) piece_text = piece_text.substr(4);
    for (std::string and_piece : SplitAt(piece_text, " and ")) {
      bool co = recommends;
      if (Normalize(and_piece).starts_with("corequisite ")) {
        and_piece = std::string(TrimSpaces(and_piece.substr(and_piece.find(':') + 1)));
        co = true;
      }
      // "X or Y": the courses named become one clause of alternatives.
      std::vector<ClauseRecord> either;
      size_t courses = 0;  // pieces naming exactly one course
      for (const std::string& piece : SplitAt(and_piece, " or ")) {
        std::vector<ClauseRecord> found = Match(piece, links, item_id);
        if (found.empty()) unresolved->push_back(piece);
        courses += found.size() == 1 && found[0].any_of.size() == 1;
        for (ClauseRecord& c : found) either.push_back(std::move(c));
      }
      if (either.size() > 1 && courses == either.size()) {
        ClauseRecord merged = Clause({}, and_piece);
        for (const ClauseRecord& c : either) merged.any_of.push_back(c.any_of[0]);
        either = {std::move(merged)};
      }
      take(std::move(either), co);
    }
    ++i;
  }
  return out;
}

}  // namespace pathrank::plugin

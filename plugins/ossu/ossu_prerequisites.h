// Resolution of OSSU's free-text prerequisites ("Calculus 1A", "Core
// Programming and Core Security", "[Linear Algebra](https://...)",
// "corequisite: Essence of Linear Algebra") to courses and course groups.
//
// A cell is split at commas into parts; the longest run of consecutive
// parts that names something is taken (so "Secure Software Development:
// Requirements, Design, and Reuse" stays whole), else the part is split at
// " and " / " or " and each piece is tried. A piece names:
//   1. a course: its title, the title before or after a ':' ("Calculus
//      1A", "Nand to Tetris Part II"), or before the ':' plus its ", Part
//      N" ("Algorithms Part 1"); compared case-insensitively, '-' as a
//      space, Roman part numbers I..III as 1..3, other punctuation ignored;
//      a name two courses share names neither;
//   2. a course by URL: the piece is a link whose target is a course's;
//   3. the same with a trailing "Part 1" removed (the first course of a
//      series named without its part: "From Nand to Tetris Part I");
//   4. a course group: a `##` or `###` section ("Core Programming", "Core
//      CS"): each of its courses is required, one of each "choose one"
//      table; the item itself is left out of its own group.
// "none", "-" and an empty cell are no prerequisite.
//
// Thread safety: an immutable index after construction.

#ifndef PATHRANK_PLUGINS_OSSU_OSSU_PREREQUISITES_H_
#define PATHRANK_PLUGINS_OSSU_OSSU_PREREQUISITES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "../common/catalog_records.h"

namespace pathrank::plugin {

struct OssuCourse {
  std::string id, title, url;
  std::vector<std::string> groups;  // normalised section names it belongs to
  int alternative_set = -1;         // index of its "choose one" table, or -1
};

class OssuPrerequisiteIndex {
 public:
  explicit OssuPrerequisiteIndex(const std::vector<OssuCourse>& courses);

  // The clauses that `cell` (the prerequisites cell of `item_id`) names;
  // each piece that names nothing is appended to `unresolved` as written.
  // Each clause's note is the piece as written.
  std::vector<ClauseRecord> Resolve(std::string_view cell, const std::string& item_id,
                                    std::vector<std::string>* unresolved) const;

  // Normalised form used for matching (public for the group names).
  static std::string Normalize(std::string_view text);

 private:
  // Clauses for one candidate text (links already replaced by their text;
  // `links` maps link text to target); empty when it names nothing.
  std::vector<ClauseRecord> Match(std::string_view text,
                                  const std::map<std::string, std::string>& links,
                                  const std::string& item_id) const;

  const std::vector<OssuCourse>& courses_;
  std::map<std::string, std::vector<size_t>> names_;  // normalised name -> courses
  std::map<std::string, size_t> urls_;
};

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_OSSU_OSSU_PREREQUISITES_H_

#include "dbe_kt22.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <set>
#include <stdexcept>

#include "pathrank/catalog_builder.h"
#include "util/csv.h"
#include "util/file_io.h"

namespace pathrank::quality {

namespace {

using internal::CsvField;
using internal::CsvReader;

// A CSV file with a header: rows of fields, and the column of each name.
struct Table {
  std::map<std::string, size_t> column;
  std::vector<std::vector<std::string>> rows;
  const std::string& At(size_t row, const std::string& name) const {
    return rows[row][column.at(name)];
  }
};

Result<Table> ReadCsv(const std::string& path, std::initializer_list<const char*> required) {
  auto text = ReadFile(path);
  if (!text) return text.error();
  CsvReader reader(*text);
  std::vector<CsvField> row;
  Table out;
  bool header = true;
  size_t width = 0;
  while (reader.Next(&row)) {
    if (header) {
      for (size_t c = 0; c < row.size(); ++c) out.column[row[c].text] = c;
      width = row.size();
      header = false;
      continue;
    }
    if (row.size() == 1 && row[0].text.empty()) continue;
    if (row.size() != width) {
      return Status::InvalidArgument(path + ": line " + std::to_string(reader.line()) +
                                     ": expected " + std::to_string(width) + " fields");
    }
    std::vector<std::string> fields;
    fields.reserve(row.size());
    for (CsvField& f : row) fields.push_back(std::move(f.text));
    out.rows.push_back(std::move(fields));
  }
  if (!reader.error().empty()) return Status::InvalidArgument(path + ": " + reader.error());
  for (const char* name : required) {
    if (!out.column.count(name)) {
      return Status::InvalidArgument(path + ": no column \"" + std::string(name) + "\"");
    }
  }
  return out;
}

std::string KcId(int kc) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "kc-%03d", kc);
  return buffer;
}

struct Student {
  std::string id;
  bool train = true;
  // Events: (step, new KCs in the order the row lists them).
  std::vector<std::pair<int64_t, std::vector<int>>> events;
};

Result<DbeKt22> Load(const std::string& dir) {
  DbeKt22 out;
  auto kcs = ReadCsv(dir + "/kcs.csv", {"kc_id", "kc_name"});
  if (!kcs) return kcs.error();
  auto edges = ReadCsv(dir + "/kc_edges.csv", {"from_kc_id", "to_kc_id"});
  if (!edges) return edges.error();
  auto sequences = ReadCsv(dir + "/dbe_kt22_sequences.csv", {"student", "step", "split", "kc_ids"});
  if (!sequences) return sequences.error();

  std::map<int, std::string> names;
  for (size_t r = 0; r < kcs->rows.size(); ++r) {
    names[std::stoi(kcs->At(r, "kc_id"))] = kcs->At(r, "kc_name");
  }

  // Students and their first reaches, in file order (rows are by step).
  std::vector<Student> students;
  std::map<std::string, size_t> index;
  std::map<size_t, std::set<int>> seen;
  const size_t c_student = sequences->column.at("student");
  const size_t c_step = sequences->column.at("step");
  const size_t c_split = sequences->column.at("split");
  const size_t c_kcs = sequences->column.at("kc_ids");
  for (const std::vector<std::string>& r : sequences->rows) {
    auto [it, added] = index.try_emplace(r[c_student], students.size());
    if (added) students.push_back({r[c_student], r[c_split] != "valid", {}});
    Student& s = students[it->second];
    const std::string& list = r[c_kcs];
    if (list.empty()) {
      ++out.skipped_rows;
      continue;
    }
    std::vector<int> fresh;
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(';', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) {
        const int kc = std::stoi(list.substr(start, end - start));
        if (names.count(kc) && seen[it->second].insert(kc).second) fresh.push_back(kc);
      }
      start = end + 1;
    }
    if (!fresh.empty()) s.events.push_back({std::stoll(r[c_step]), std::move(fresh)});
  }

  // Mean normalised first-reach position among training students.
  std::map<int, std::pair<double, int>> position;  // kc -> (sum, students)
  for (const Student& s : students) {
    if (!s.train) continue;
    const size_t n = s.events.size();
    for (size_t e = 0; e < n; ++e) {
      const double p = n > 1 ? static_cast<double>(e) / static_cast<double>(n - 1) : 0.0;
      for (int kc : s.events[e].second) {
        position[kc].first += p;
        position[kc].second += 1;
      }
    }
  }
  std::vector<int> order;
  for (const auto& [kc, name] : names) order.push_back(kc);
  auto mean = [&](int kc) {
    auto it = position.find(kc);
    return it == position.end() ? 2.0 : it->second.first / it->second.second;
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return mean(a) < mean(b); });
  std::map<int, size_t> rank;
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;

  CatalogSpec& spec = out.spec;
  spec.id = "dbe-kt22";
  spec.title = "DBE-KT22 knowledge components (databases course)";
  spec.version = "evaluation";
  spec.summary =
      "Knowledge components of DBE-KT22 (Abdelrahman et al. 2022), ordered by training students' "
      "mean first-reach position; related KCs as soft clauses from the earlier to the later. "
      "Evaluation only (CC BY-NC 4.0).";
  spec.stages = {{"course", "Course", ""}};
  std::map<int, size_t> item_of;
  for (int kc : order) {
    ItemSpec item;
    item.id = KcId(kc);
    item.title = names[kc];
    item.stage = "course";
    item.hours = 1;
    item.difficulty = 1;
    item.source = "DBE-KT22 KCs.csv id " + std::to_string(kc);
    item_of[kc] = spec.items.size();
    spec.items.push_back(std::move(item));
  }
  std::set<std::pair<int, int>> pairs;
  for (size_t r = 0; r < edges->rows.size(); ++r) {
    const int a = std::stoi(edges->At(r, "from_kc_id")), b = std::stoi(edges->At(r, "to_kc_id"));
    if (a == b || !names.count(a) || !names.count(b)) continue;
    const int early = rank[a] < rank[b] ? a : b, late = early == a ? b : a;
    if (!pairs.insert({early, late}).second) continue;
    ClauseSpec clause;
    clause.any_of = {KcId(early)};
    clause.type = ClauseType::kRecommends;
    clause.weight = 1.0;
    clause.note = "related KCs (DBE-KT22 KC graph), oriented by mean first-reach position";
    spec.items[item_of[late]].prerequisites.push_back(std::move(clause));
  }
  out.undirected_edges = pairs.size();
  auto built = BuildCatalog(spec);
  if (!built) return built.error().WithPrefix("dbe-kt22 catalog");
  out.catalog = *built;

  for (const Student& s : students) {
    Trajectory t;
    t.learner = s.id;
    for (const auto& [step, kcs_here] : s.events) {
      for (int kc : kcs_here) {
        TrajectoryStep row;
        row.step = step;
        row.item = *out.catalog->FindItem(KcId(kc));
        t.steps.push_back(row);
      }
    }
    if (t.steps.empty()) continue;
    (s.train ? out.train : out.test).push_back(std::move(t));
  }
  return out;
}

}  // namespace

Result<DbeKt22> LoadDbeKt22(const std::string& dir) {
  try {
    return Load(dir);
  } catch (const std::exception& e) {  // std::stoi on a malformed number
    return Status::InvalidArgument(dir + ": malformed number: " + e.what());
  }
}

}  // namespace pathrank::quality

// The JSON path of one recommend request (issue 12, item 2):
// - reading the 3 KB recommendation body of the HTTP load harness: the
//   server's JsonDocument (simdjson, copied into a compact tree) against
//   simdjson's tree without the copy and nlohmann's DOM;
// - writing the answer of a recommendation on the Go catalog (k = 10, with
//   and without explanations): json::Writer against the nlohmann
//   ordered_json mapping the server used before (kept here, as the
//   reference, in NlohmannRecommendations).

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "api/json_scoring.h"
#include "pathrank/catalog_json.h"
#include "pathrank/scorer.h"
#include "util/json/json_document.h"
#include "util/json/json_writer.h"

namespace pathrank {
namespace {

std::string RecommendBody() {
  std::ifstream in(PATHRANK_SOURCE_DIR "/bench/http/recommend_body.json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void BM_JsonDocumentParse(benchmark::State& state) {
  const std::string body = RecommendBody();
  for (auto _ : state) {
    json::JsonDocument doc;
    std::string error;
    benchmark::DoNotOptimize(doc.Parse(body, &error));
    benchmark::DoNotOptimize(doc.root().size);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_JsonDocumentParse);

// The copy tree's share: simdjson's DOM parse alone, with one parser reused
// (what a reader over simdjson's tree could cost at best, its document then
// borrowed from the thread's parser until the next parse) ...
void BM_SimdjsonParseReused(benchmark::State& state) {
  const std::string body = RecommendBody();
  simdjson::dom::parser parser;
  for (auto _ : state) {
    simdjson::dom::element root;
    benchmark::DoNotOptimize(parser.parse(body).get(root));
    benchmark::DoNotOptimize(root);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_SimdjsonParseReused);

// ... and parsed into a document of its own each time (what a reader that
// owns simdjson's tree, with no copy, costs: the tape allocated per body).
void BM_SimdjsonParseOwnDocument(benchmark::State& state) {
  const std::string body = RecommendBody();
  simdjson::dom::parser parser;
  for (auto _ : state) {
    simdjson::dom::document doc;
    simdjson::dom::element root;
    benchmark::DoNotOptimize(parser.parse_into_document(doc, body).get(root));
    benchmark::DoNotOptimize(root);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_SimdjsonParseOwnDocument);

// For reference: what the server did before JsonDocument.
void BM_NlohmannParse(benchmark::State& state) {
  const std::string body = RecommendBody();
  for (auto _ : state) {
    nlohmann::json doc = nlohmann::json::parse(body);
    benchmark::DoNotOptimize(doc.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_NlohmannParse);

// ----- writing a recommend answer

struct Answer {
  std::shared_ptr<const Catalog> catalog;
  ScoringProfile profile;
  std::vector<Recommendation> items;
};

// The Go scenario learner (foundation and concurrency known, goal
// microservices), k = 10, as in scorer_bench's BM_RecommendGo.
Answer GoAnswer(bool explain) {
  auto loaded = LoadCatalogFile(PATHRANK_SOURCE_DIR "/datasets/go-backend/catalog.json");
  Answer answer{*loaded, ScoringProfile{}, {}};
  const Catalog& c = *answer.catalog;
  LearnerState s;
  s.mastery.assign(c.item_count(), 0.0);
  for (ItemId i = 0; i < c.item_count(); ++i) {
    const std::string& stage = c.stages()[c.item(i).stage].id;
    if (c.item(i).kind != ItemKind::kProject && (stage == "foundation" || stage == "concurrency")) {
      s.mastery[i] = 1.0;
    }
  }
  s.goals.push_back({*c.FindGoal("microservices"), 1.0});
  RecommendOptions options;
  options.k = 10;
  options.explain = explain;
  answer.items = *Scorer(answer.catalog).Recommend(s, answer.profile, options);
  return answer;
}

using nlohmann::ordered_json;

ordered_json NlohmannIds(const Catalog& c, const std::vector<ItemId>& items) {
  ordered_json out = ordered_json::array();
  for (ItemId i : items) out.push_back(c.item(i).id);
  return out;
}

ordered_json NlohmannTerms(const Terms& t) {
  ordered_json out = ordered_json::object();
  out["coverage"] = t.coverage;
  out["relevance"] = t.relevance;
  out["unlock"] = t.unlock;
  out["foundation"] = t.foundation;
  out["sequence"] = t.sequence;
  out["effort"] = t.effort;
  return out;
}

ordered_json NlohmannExplanation(const Catalog& c, const Explanation& e) {
  ordered_json out;
  out["contributions"] = NlohmannTerms(e.contributions);
  ordered_json missing = ordered_json::array();
  for (const ClauseGap& gap : e.missing) {
    ordered_json clause = ordered_json::array();
    ordered_json alternatives = ordered_json::array();
    for (const auto& [item, mastery] : gap.alternatives) {
      clause.push_back(c.item(item).id);
      alternatives.push_back({{"id", c.item(item).id}, {"mastery", mastery}});
    }
    missing.push_back({{"clause", std::move(clause)},
                       {"type", ClauseTypeName(gap.type)},
                       {"mastery", gap.satisfaction},
                       {"weight", gap.weight},
                       {"alternatives", std::move(alternatives)}});
  }
  out["missing"] = std::move(missing);
  ordered_json serves = ordered_json::array();
  for (const GoalService& s : e.serves) {
    serves.push_back({{"goal", c.goals()[s.goal].id},
                      {"relevance", s.relevance},
                      {"via", NlohmannIds(c, s.via)}});
  }
  out["serves"] = std::move(serves);
  out["unlocks"] = NlohmannIds(c, e.unlocks);
  return out;
}

// The server's answer mapping before json::Writer (json_scoring.cc).
std::string NlohmannRecommendations(const Answer& a) {
  const Catalog& c = *a.catalog;
  ordered_json out = ordered_json::object();
  out["catalog"] = c.id();
  out["profile"] = a.profile.name;
  ordered_json& list = out["items"] = ordered_json::array();
  for (const Recommendation& r : a.items) {
    const Item& item = c.item(r.item);
    ordered_json& entry = list.emplace_back(ordered_json::object());
    entry["id"] = item.id;
    entry["title"] = item.title;
    entry["kind"] = ItemKindName(item.kind);
    entry["stage"] = c.stages()[item.stage].id;
    entry["hours"] = item.hours;
    entry["score"] = r.score;
    entry["ready"] = r.ready;
    entry["terms"] = NlohmannTerms(r.terms);
    if (r.explanation) entry["explanation"] = NlohmannExplanation(c, *r.explanation);
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string WriterRecommendations(const Answer& a) {
  json::Writer w;
  json::WriteRecommendations(w, a.catalog->id(), *a.catalog, a.profile, a.items);
  return w.Take();
}

void BM_WriteRecommendAnswer(benchmark::State& state) {
  const Answer answer = GoAnswer(state.range(0) != 0);
  size_t bytes = 0;
  for (auto _ : state) {
    std::string text = WriterRecommendations(answer);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetLabel(std::to_string(bytes) + " B" + (state.range(0) ? ", explained" : ""));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_WriteRecommendAnswer)->Arg(0)->Arg(1);

void BM_WriteRecommendAnswerNlohmann(benchmark::State& state) {
  const Answer answer = GoAnswer(state.range(0) != 0);
  // The two paths must write the same text for the comparison to hold.
  if (NlohmannRecommendations(answer) != WriterRecommendations(answer)) {
    state.SkipWithError("json::Writer and nlohmann wrote different answers");
    return;
  }
  size_t bytes = 0;
  for (auto _ : state) {
    std::string text = NlohmannRecommendations(answer);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetLabel(std::to_string(bytes) + " B" + (state.range(0) ? ", explained" : ""));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_WriteRecommendAnswerNlohmann)->Arg(0)->Arg(1);

}  // namespace
}  // namespace pathrank

BENCHMARK_MAIN();

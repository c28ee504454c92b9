#include "cli/learner_options.h"

#include <cmath>
#include <cstdlib>

#include "pathrank/catalog_json.h"
#include "util/file_io.h"
#include "util/json/json_document.h"

namespace pathrank::cli {

namespace {

// Parses "name" or "name<sep>number".
Status SplitWeighted(const std::string& text, char sep, const char* option, std::string* name,
                     double* value, bool value_required) {
  const size_t at = text.find(sep);
  *name = text.substr(0, at);
  if (at == std::string::npos) {
    if (value_required) {
      return Status::InvalidArgument(std::string(option) + ": expected name" + sep +
                                     "value, got \"" + text + "\"");
    }
    return Status::Ok();
  }
  const std::string number = text.substr(at + 1);
  char* end = nullptr;
  *value = std::strtod(number.c_str(), &end);
  if (number.empty() || end == nullptr || *end != '\0' || !std::isfinite(*value)) {
    return Status::InvalidArgument(std::string(option) + ": \"" + number + "\" in \"" + text +
                                   "\" is not a number");
  }
  return Status::Ok();
}

Result<std::map<std::string, double>> ReadMasteryFile(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  json::JsonDocument doc;
  std::string syntax;
  if (!doc.Parse(*text, &syntax) || doc.root().type != json::JsonType::kObject) {
    return Status::InvalidArgument("--mastery " + path +
                                   ": expected a JSON object of item id -> mastery");
  }
  std::map<std::string, double> mastery;
  for (const json::JsonChild& member : doc.children(doc.root())) {
    const json::JsonNode& value = doc.node(member.node);
    if (value.type != json::JsonType::kNumber) {
      return Status::InvalidArgument("--mastery " + path + ": /" + std::string(member.key) +
                                     " is not a number");
    }
    mastery[std::string(member.key)] = value.number;  // of repeated keys, the last
  }
  return mastery;
}

}  // namespace

void LearnerArgs::Register(CLI::App* command) {
  command->add_option("catalog", catalog_path, "Catalog file (pathrank.catalog/v1)")->required();
  auto* mastered_opt =
      command->add_option("--mastered", mastered, "Mastered item ids (a,b,c)")->delimiter(',');
  auto* file_opt =
      command->add_option("--mastery", mastery_file, "JSON file of item id -> mastery in [0, 1]");
  mastered_opt->excludes(file_opt);
  command->add_option("--goal,-g", goals, "Goal id, optionally with a weight: microservices:2")
      ->delimiter(',');
  command->add_option("--profile", profile,
                      "Built-in profile (default, goal-first, foundations-first, quick-wins) or a "
                      "profile JSON file");
  command->add_option("--weight,-w", weights, "Override a profile field: w_rel=2.5")
      ->delimiter(',');
  command->add_option("--sequence-model", sequence_model,
                      "Sequence model file (pathrank.sequence/v1, written by pathrank tune)");
  command
      ->add_option("--recent", recent,
                   "Items the learner reached most recently, newest first (a,b,c)")
      ->delimiter(',');
}

Result<ScoringProfile> ResolveProfile(const std::string& name,
                                      const std::vector<std::string>& weights) {
  ScoringProfile base;
  const auto& builtin = BuiltinProfiles();
  if (auto it = builtin.find(name); it != builtin.end()) {
    base = it->second;
  } else {
    auto loaded = LoadProfileFile(name);
    if (!loaded) {
      return Status::InvalidArgument("--profile: \"" + name +
                                     "\" is neither a built-in profile nor a readable profile "
                                     "file: " +
                                     loaded.error().message());
    }
    base = std::move(*loaded);
  }
  std::map<std::string, double> overrides;
  for (const std::string& w : weights) {
    std::string field;
    double value = 0;
    PATHRANK_RETURN_IF_ERROR(SplitWeighted(w, '=', "--weight", &field, &value, true));
    overrides[field] = value;
  }
  return ApplyProfileOverrides(base, overrides, "--weight");
}

Result<LearnerSetup> ResolveLearner(const LearnerArgs& args) {
  LearnerSetup setup;
  auto catalog = LoadCatalogFile(args.catalog_path);
  if (!catalog) return catalog.error();
  setup.catalog = *catalog;

  std::map<std::string, double> goals;
  for (const std::string& g : args.goals) {
    std::string id;
    double weight = 1.0;
    PATHRANK_RETURN_IF_ERROR(SplitWeighted(g, ':', "--goal", &id, &weight, false));
    goals[id] = weight;
  }
  std::map<std::string, double> mastery;
  if (!args.mastery_file.empty()) {
    auto read = ReadMasteryFile(args.mastery_file);
    if (!read) return read.error();
    mastery = std::move(*read);
  }
  for (const std::string& id : args.mastered) mastery[id] = 1.0;
  auto profile = ResolveProfile(args.profile, args.weights);
  if (!profile) return profile.error();
  setup.profile = std::move(*profile);
  auto learner = MakeLearnerState(*setup.catalog, mastery, goals, setup.profile.infer_mastery != 0);
  if (!learner) return learner.error();
  setup.learner = std::move(*learner);
  for (const std::string& id : args.recent) {
    auto item = setup.catalog->FindItem(id);
    if (!item) return Status::InvalidArgument("--recent: unknown item \"" + id + "\"");
    setup.learner.recent.push_back(*item);
  }
  if (!args.sequence_model.empty()) {
    auto model = TransitionModel::Load(*setup.catalog, args.sequence_model);
    if (!model) return model.error().WithPrefix("--sequence-model");
    setup.sequence = std::make_unique<TransitionModel>(std::move(*model));
  }
  setup.scorer = std::make_unique<Scorer>(setup.catalog);
  return setup;
}

}  // namespace pathrank::cli

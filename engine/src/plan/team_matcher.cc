#include "pathrank/team_matcher.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

#include "score/score_kernels.h"
#include "util/json_fields.h"
#include "util/text.h"

namespace pathrank {

namespace {

using internal::JsonPointer;

// Lower-case alphanumeric words of `text`.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text) {
    const bool alnum =
        (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    if (alnum) {
      word += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The words that say what a goal wants: its id's and title's words of three
// letters or more, without filler words.
std::vector<std::string> GoalKeywords(const Goal& goal) {
  static const std::set<std::string> kFiller = {
      "and", "the", "for", "with", "applications", "services", "development", "delivery"};
  std::set<std::string> out;
  for (const std::string& w : Words(goal.id + " " + goal.title)) {
    if (w.size() >= 3 && !kFiller.count(w)) out.insert(w);
  }
  return {out.begin(), out.end()};
}

// Share of `keywords` found in the item's use cases and main features: a
// keyword matches a word it begins ("rest" ~ "restful", "api" ~ "apis") or a
// word of four letters or more that begins it ("microservice" ~
// "microservices").
double TextFit(const Item& item, const std::vector<std::string>& keywords) {
  if (keywords.empty()) return 0;
  std::string text;
  for (const char* key : {"use_cases", "main_features"}) {
    auto it = item.attributes.find(key);
    if (it != item.attributes.end()) text += it->second + " ";
  }
  const std::vector<std::string> words = Words(text);
  size_t matched = 0;
  for (const std::string& k : keywords) {
    const bool found = std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return w.rfind(k, 0) == 0 || (w.size() >= 4 && k.rfind(w, 0) == 0);
    });
    if (found) ++matched;
  }
  return static_cast<double>(matched) / keywords.size();
}

struct Resolved {
  std::vector<LearnerState> members;
  std::vector<std::pair<uint32_t, double>> goals;
  std::vector<ItemId> candidates;
};

Result<Resolved> Resolve(const Catalog& c, const TeamMatchRequest& request, bool infer) {
  std::vector<FieldError> errors;
  Resolved r;
  if (request.members.empty()) errors.push_back({"/members", "a team needs at least one member"});
  if (request.members.size() > kMaxTeamMembers) {
    errors.push_back({"/members", "at most " + std::to_string(kMaxTeamMembers) + " members, got " +
                                      std::to_string(request.members.size())});
  }
  if (request.k == 0 || request.k > 100) errors.push_back({"/k", "must be an integer in 1..100"});
  std::unordered_set<std::string> seen;
  for (size_t m = 0; m < request.members.size() && m <= kMaxTeamMembers; ++m) {
    const TeamMember& member = request.members[m];
    const std::string at = JsonPointer("/members", m);
    if (member.id.empty()) errors.push_back({at + "/id", "member id is empty"});
    if (!seen.insert(member.id).second) {
      errors.push_back({at + "/id", "duplicate member id \"" + member.id + "\""});
    }
    auto state = MakeLearnerState(c, member.mastery, {}, infer);
    if (!state) {
      for (const FieldError& e : state.error().fields())
        errors.push_back({at + e.field, e.message});
      continue;
    }
    r.members.push_back(std::move(*state));
  }
  auto goals = MakeLearnerState(c, {}, request.goals);
  if (!goals) {
    for (const FieldError& e : goals.error().fields()) errors.push_back(e);
  } else {
    r.goals = goals->goals;
  }
  for (ItemId i = 0; i < c.item_count(); ++i) {
    const Item& item = c.item(i);
    if (request.kind && item.kind != *request.kind) continue;
    if (!request.type.empty()) {
      auto it = item.attributes.find("type");
      if (it == item.attributes.end() ||
          internal::AsciiLower(it->second) != internal::AsciiLower(request.type)) {
        continue;
      }
    }
    r.candidates.push_back(i);
  }
  if (r.candidates.empty()) {
    std::string known;
    for (const std::string& t : CandidateTypes(c, request.kind))
      known += (known.empty() ? "" : ", ") + t;
    errors.push_back({request.type.empty() ? "/kind" : "/type",
                      "no candidate item has this " +
                          std::string(request.type.empty() ? "kind" : "type") +
                          (known.empty() ? std::string() : "; known types: " + known)});
  }
  if (!errors.empty()) return internal::FieldErrorsToStatus("team match", errors);
  return r;
}

}  // namespace

std::vector<std::string> CandidateTypes(const Catalog& catalog, std::optional<ItemKind> kind) {
  std::set<std::string> types;
  for (const Item& item : catalog.items()) {
    if (kind && item.kind != *kind) continue;
    auto it = item.attributes.find("type");
    if (it != item.attributes.end()) types.insert(it->second);
  }
  return {types.begin(), types.end()};
}

Result<std::vector<TeamMatch>> MatchTeam(const Scorer& scorer, const ScoringProfile& profile,
                                         const TeamMatchRequest& request) {
  const Catalog& c = scorer.catalog();
  auto resolved = Resolve(c, request, profile.infer_mastery != 0);
  if (!resolved) return resolved.error();
  const Resolved& r = *resolved;
  const size_t team = r.members.size();

  // Per member: every item's coverage (one scoring pass) and experience level.
  std::vector<ScoreSheet> sheets(team);
  std::vector<double> levels(team);
  std::vector<double> difficulty(c.item_count());
  for (ItemId i = 0; i < c.item_count(); ++i) difficulty[i] = c.item(i).difficulty;
  for (size_t m = 0; m < team; ++m) {
    scorer.Score(r.members[m], profile, nullptr, &sheets[m]);
    levels[m] = internal::LearnerLevel(difficulty, r.members[m].mastery, profile.theta);
  }

  // Goal fit: per goal, half the goal's demand for the candidate (relative to
  // the best candidate), half the goal's words found in its attributes.
  std::vector<double> goal_fit(r.candidates.size(), 0.0);
  double goal_weights = 0;
  for (const auto& [g, weight] : r.goals) {
    const Goal& goal = c.goals()[g];
    const std::vector<std::string> keywords = GoalKeywords(goal);
    std::vector<double> demand(r.candidates.size(), 0.0);
    for (size_t x = 0; x < r.candidates.size(); ++x) {
      for (const auto& [item, d] : goal.demand) {
        if (item == r.candidates[x]) demand[x] = d;
      }
    }
    const double max_demand = *std::max_element(demand.begin(), demand.end());
    for (size_t x = 0; x < r.candidates.size(); ++x) {
      const double demand_fit = max_demand > 0 ? demand[x] / max_demand : 0.0;
      goal_fit[x] += weight * (0.5 * demand_fit + 0.5 * TextFit(c.item(r.candidates[x]), keywords));
    }
    goal_weights += weight;
  }

  std::vector<TeamMatch> matches;
  for (size_t x = 0; x < r.candidates.size(); ++x) {
    const ItemId item = r.candidates[x];
    TeamMatch match;
    match.item = item;
    match.goal_fit = goal_weights > 0 ? goal_fit[x] / goal_weights : 0.0;
    const ItemId target[] = {item};
    for (size_t m = 0; m < team; ++m) {
      MemberGap gap;
      gap.member = m;
      gap.coverage = sheets[m].terms[item].coverage;
      gap.expert = r.members[m].mastery[item] >= profile.theta;
      if (!gap.expert) {
        auto plan = PlanToItems(scorer, r.members[m], profile, target, PlanOptions{});
        if (!plan) return plan.error();
        gap.plan = std::move(*plan);
      }
      match.team_coverage += gap.coverage;
      match.experts += gap.expert ? 1 : 0;
      match.ramp_up_hours += gap.plan.total_hours;
      match.difficulty_gap +=
          std::clamp((c.item(item).difficulty - levels[m] - 1.0) / 3.0, 0.0, 1.0);
      match.members.push_back(std::move(gap));
    }
    match.team_coverage /= static_cast<double>(team);
    match.difficulty_gap /= static_cast<double>(team);
    match.experts_share = static_cast<double>(match.experts) / static_cast<double>(team);
    matches.push_back(std::move(match));
  }

  const TeamMatchWeights& w = request.weights;
  for (TeamMatch& m : matches) {
    const double per_member = m.ramp_up_hours / static_cast<double>(team);
    m.ramp_up = per_member / (per_member + kRampUpHalfHours);
    m.fit = w.w_goal * m.goal_fit + w.w_coverage * m.team_coverage + w.w_experts * m.experts_share -
            w.w_ramp_up * m.ramp_up - w.w_difficulty * m.difficulty_gap;
  }
  std::sort(matches.begin(), matches.end(), [&](const TeamMatch& a, const TeamMatch& b) {
    return scorer.RanksBefore(a.item, a.fit, b.item, b.fit);
  });
  if (matches.size() > request.k) matches.resize(request.k);
  return matches;
}

}  // namespace pathrank

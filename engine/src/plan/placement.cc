#include "pathrank/placement.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace pathrank {

namespace {

constexpr double kEpsilon = 1e-9;

double Clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

// Binary entropy in bits.
double Entropy(double p) {
  if (p <= kEpsilon || p >= 1 - kEpsilon) return 0;
  return -(p * std::log2(p) + (1 - p) * std::log2(1 - p));
}

// The marginal of an ancestor (known whenever q is) once q moves from mq to
// mq2: P(a) = P(q) + P(not q) P(a | not q).
double AncestorUpdate(double ma, double mq, double mq2) {
  if (mq2 <= mq) return ma;
  if (mq >= 1 - kEpsilon) return Clamp01(std::max(ma, mq2));
  const double not_given_not_q = std::min(1.0, (1 - ma) / (1 - mq));
  return Clamp01(1 - (1 - mq2) * not_given_not_q);
}

// The marginal of a dependent (unknown whenever q is): P(d) = P(q) P(d | q).
double DependentUpdate(double md, double mq, double mq2) {
  if (mq2 >= mq) return md;
  if (mq <= kEpsilon) return Clamp01(std::min(md, mq2));
  return Clamp01(mq2 * std::min(1.0, md / mq));
}

void Collect(const Catalog& c, ItemId i, bool up, std::vector<uint8_t>& seen,
             std::vector<ItemId>& out) {
  std::vector<ItemId> stack = {i};
  while (!stack.empty()) {
    const ItemId x = stack.back();
    stack.pop_back();
    auto visit = [&](ItemId y) {
      if (seen[y]) return;
      seen[y] = 1;
      out.push_back(y);
      stack.push_back(y);
    };
    if (up) {
      for (const Clause& cl : c.clauses_of(x)) {
        if (cl.type == ClauseType::kRequires && cl.alternative_count == 1) {
          visit(c.alternatives(cl)[0]);
        }
      }
    } else {
      for (const Dependent& d : c.dependents_of(x)) {
        const Clause& cl = c.clauses()[d.clause];
        if (cl.type == ClauseType::kRequires && cl.alternative_count == 1) visit(d.item);
      }
    }
  }
  for (ItemId y : out) seen[y] = 0;
  std::sort(out.begin(), out.end());
}

}  // namespace

std::string_view PlacementAnswerName(PlacementAnswer answer) {
  switch (answer) {
    case PlacementAnswer::kKnows:
      return "knows";
    case PlacementAnswer::kDoesNotKnow:
      return "does_not_know";
    case PlacementAnswer::kNotSure:
      return "not_sure";
  }
  return "not_sure";
}

std::optional<PlacementAnswer> ParsePlacementAnswer(std::string_view name) {
  for (PlacementAnswer a :
       {PlacementAnswer::kKnows, PlacementAnswer::kDoesNotKnow, PlacementAnswer::kNotSure}) {
    if (name == PlacementAnswerName(a)) return a;
  }
  return std::nullopt;
}

Status ValidatePlacementOptions(const Catalog& catalog, const PlacementOptions& o) {
  Status status = Status::InvalidArgument("invalid placement options");
  bool bad = false;
  auto check = [&](bool ok, const char* field, const char* message) {
    if (ok) return;
    bad = true;
    status.AddField(field, message);
  };
  check(o.slip >= 0 && o.slip < 0.5, "slip", "must be in [0, 0.5)");
  check(o.guess >= 0 && o.guess < 0.5, "guess", "must be in [0, 0.5)");
  check(o.prior_root > 0 && o.prior_root < 1, "prior_root", "must be in (0, 1)");
  check(o.prior_step > 0 && o.prior_step <= 1, "prior_step", "must be in (0, 1]");
  check(o.max_questions >= 1 && o.max_questions <= kMaxPlacementQuestions, "max_questions",
        "must be in [1, 200]");
  check(o.min_gain >= 0 && std::isfinite(o.min_gain), "min_gain", "must be a number >= 0");
  for (size_t k = 0; k < o.scope.size(); ++k) {
    if (o.scope[k] >= catalog.item_count()) {
      bad = true;
      status.AddField("scope/" + std::to_string(k), "not an item of the catalog");
    }
  }
  return bad ? status : Status::Ok();
}

std::vector<ItemId> GoalClosure(const Catalog& catalog, std::span<const uint32_t> goals) {
  std::vector<uint8_t> seen(catalog.item_count(), 0);
  std::vector<ItemId> stack;
  for (uint32_t g : goals) {
    for (const auto& [item, weight] : catalog.goals()[g].demand) {
      if (!seen[item]) {
        seen[item] = 1;
        stack.push_back(item);
      }
    }
  }
  while (!stack.empty()) {
    const ItemId x = stack.back();
    stack.pop_back();
    for (const Clause& cl : catalog.clauses_of(x)) {
      for (ItemId y : catalog.alternatives(cl)) {
        if (!seen[y]) {
          seen[y] = 1;
          stack.push_back(y);
        }
      }
    }
  }
  std::vector<ItemId> out;
  for (ItemId i = 0; i < seen.size(); ++i) {
    if (seen[i]) out.push_back(i);
  }
  return out;
}

std::shared_ptr<const PlacementModel> PlacementModel::Build(
    std::shared_ptr<const Catalog> catalog) {
  std::shared_ptr<PlacementModel> model(new PlacementModel());
  const Catalog& c = *catalog;
  const size_t n = c.item_count();
  model->ancestors_.resize(n);
  model->dependents_.resize(n);
  model->depth_.assign(n, 0);
  std::vector<uint8_t> seen(n, 0);
  for (ItemId i = 0; i < n; ++i) {
    Collect(c, i, true, seen, model->ancestors_[i]);
    Collect(c, i, false, seen, model->dependents_[i]);
  }
  for (ItemId i : c.topological_order()) {
    for (const Clause& cl : c.clauses_of(i)) {
      if (cl.type != ClauseType::kRequires || cl.alternative_count != 1) continue;
      model->depth_[i] = std::max(model->depth_[i], model->depth_[c.alternatives(cl)[0]] + 1);
    }
  }
  model->catalog_ = std::move(catalog);
  return model;
}

Result<PlacementSession> PlacementSession::Start(std::shared_ptr<const PlacementModel> model,
                                                 PlacementOptions options) {
  const Catalog& c = model->catalog();
  if (Status s = ValidatePlacementOptions(c, options); !s.ok()) return s;
  PlacementSession session;
  const size_t n = c.item_count();
  session.mastery_.assign(n, options.prior_root);
  for (ItemId i : c.topological_order()) {
    for (const Clause& cl : c.clauses_of(i)) {
      if (cl.type != ClauseType::kRequires || cl.alternative_count != 1) continue;
      const double parent = session.mastery_[c.alternatives(cl)[0]];
      session.mastery_[i] = std::min(session.mastery_[i], parent * options.prior_step);
    }
  }
  session.in_scope_.assign(n, options.scope.empty() ? 1 : 0);
  for (ItemId i : options.scope) session.in_scope_[i] = 1;
  for (ItemId i = 0; i < n; ++i) {
    if (session.in_scope_[i]) session.scope_.push_back(i);
  }
  session.asked_flag_.assign(n, 0);
  session.model_ = std::move(model);
  session.options_ = std::move(options);
  session.ChooseNext();
  return session;
}

double PlacementSession::Posterior(ItemId q, PlacementAnswer answer) const {
  const double m = mastery_[q];
  if (answer == PlacementAnswer::kNotSure) return m;
  const bool yes = answer == PlacementAnswer::kKnows;
  const double if_known = yes ? 1 - options_.slip : options_.slip;
  const double if_unknown = yes ? options_.guess : 1 - options_.guess;
  const double z = m * if_known + (1 - m) * if_unknown;
  return z <= 0 ? m : Clamp01(m * if_known / z);
}

double PlacementSession::ExpectedGain(ItemId q) const {
  const double mq = mastery_[q];
  const double p_yes = mq * (1 - options_.slip) + (1 - mq) * options_.guess;
  const double yes = Posterior(q, PlacementAnswer::kKnows);
  const double no = Posterior(q, PlacementAnswer::kDoesNotKnow);
  auto gain = [&](double m, double m_yes, double m_no) {
    return Entropy(m) - p_yes * Entropy(m_yes) - (1 - p_yes) * Entropy(m_no);
  };
  double total = in_scope_[q] ? gain(mq, yes, no) : 0;
  for (ItemId a : model_->ancestors(q)) {
    if (!in_scope_[a]) continue;
    const double m = mastery_[a];
    total += gain(m, AncestorUpdate(m, mq, yes), AncestorUpdate(m, mq, no));
  }
  for (ItemId d : model_->dependents(q)) {
    if (!in_scope_[d]) continue;
    const double m = mastery_[d];
    total += gain(m, DependentUpdate(m, mq, yes), DependentUpdate(m, mq, no));
  }
  return total;
}

void PlacementSession::ChooseNext() {
  next_.reset();
  next_gain_ = 0;
  if (asked_.size() >= options_.max_questions) return;
  if (options_.order == PlacementOrder::kCatalog) {
    for (ItemId i : scope_) {
      if (!asked_flag_[i]) {
        next_ = i;
        return;
      }
    }
    return;
  }
  const Catalog& c = model_->catalog();
  double best = -1;
  for (ItemId i : c.topological_order()) {
    if (!in_scope_[i] || asked_flag_[i]) continue;
    const double g = ExpectedGain(i);
    if (g > best + kEpsilon) {
      best = g;
      next_ = i;
    }
  }
  if (next_ && best < options_.min_gain) next_.reset();
  if (next_) next_gain_ = best;
}

Status PlacementSession::Answer(ItemId item, PlacementAnswer answer) {
  if (!next_) return Status::FailedPrecondition("the placement is finished");
  if (item != *next_) {
    return Status::InvalidArgument("the item answered is not the item asked")
        .AddField("item", "not the item asked");
  }
  const double mq = mastery_[item];
  const double m2 = Posterior(item, answer);
  for (ItemId a : model_->ancestors(item)) mastery_[a] = AncestorUpdate(mastery_[a], mq, m2);
  for (ItemId d : model_->dependents(item)) mastery_[d] = DependentUpdate(mastery_[d], mq, m2);
  mastery_[item] = m2;
  asked_flag_[item] = 1;
  asked_.push_back({item, answer});
  ChooseNext();
  return Status::Ok();
}

std::vector<ItemId> PlacementSession::Known() const {
  std::vector<ItemId> out;
  for (ItemId i = 0; i < mastery_.size(); ++i) {
    if (mastery_[i] >= 0.5) out.push_back(i);
  }
  return out;
}

}  // namespace pathrank

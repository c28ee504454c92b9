#include "pathrank/placement.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "engine/tiny_catalogs.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/placement_simulation.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::shared_ptr<const Catalog> GoCatalog() {
  auto c = LoadCatalogFile(std::string(PATHRANK_SOURCE_DIR) + "/datasets/go-backend/catalog.json");
  EXPECT_TRUE(c.has_value());
  return *c;
}

ItemId Id(const Catalog& c, const char* id) { return *c.FindItem(id); }

// Runs `s` to its end, answering with `respond`.
void AnswerAll(PlacementSession& s, const std::function<PlacementAnswer(ItemId)>& respond) {
  while (auto q = s.next()) ASSERT_TRUE(s.Answer(*q, respond(*q)).ok());
}

TEST(PlacementModelTest, ImplicationsFollowSingleAlternativeRequiresClausesOnly) {
  auto c = testing::FiveItemCatalog();
  auto model = PlacementModel::Build(c);
  // c requires a (hard) and recommends b (soft); d requires a|b (no hard
  // implication); e requires c.
  EXPECT_THAT(model->ancestors(Id(*c, "e")), ElementsAre(Id(*c, "a"), Id(*c, "c")));
  EXPECT_THAT(model->ancestors(Id(*c, "c")), ElementsAre(Id(*c, "a")));
  EXPECT_THAT(model->ancestors(Id(*c, "d")), IsEmpty());
  EXPECT_THAT(model->dependents(Id(*c, "a")), ElementsAre(Id(*c, "c"), Id(*c, "e")));
  EXPECT_THAT(model->dependents(Id(*c, "b")), IsEmpty());
  EXPECT_EQ(model->depth(Id(*c, "e")), 2u);
}

TEST(PlacementTest, AYesRaisesTheItemAndItsPrerequisites) {
  auto c = testing::FiveItemCatalog();
  PlacementOptions o;
  o.min_gain = 0;
  o.scope = {Id(*c, "e")};
  auto s = PlacementSession::Start(PlacementModel::Build(c), o);
  ASSERT_TRUE(s.has_value());
  const std::vector<double> prior(s->mastery().begin(), s->mastery().end());
  ASSERT_EQ(s->next(), Id(*c, "e"));
  ASSERT_TRUE(s->Answer(Id(*c, "e"), PlacementAnswer::kKnows).ok());
  const auto m = s->mastery();
  EXPECT_GT(m[Id(*c, "e")], prior[Id(*c, "e")]);
  // Knowing e implies c and a: they are at least as likely as e.
  EXPECT_GE(m[Id(*c, "c")], m[Id(*c, "e")]);
  EXPECT_GE(m[Id(*c, "a")], m[Id(*c, "c")]);
  EXPECT_GT(m[Id(*c, "a")], prior[Id(*c, "a")]);
  // b (soft) and d (either a or b) are untouched.
  EXPECT_EQ(m[Id(*c, "b")], prior[Id(*c, "b")]);
  EXPECT_EQ(m[Id(*c, "d")], prior[Id(*c, "d")]);
  EXPECT_THAT(s->Known(), ElementsAre(Id(*c, "a"), Id(*c, "c"), Id(*c, "e")));
  EXPECT_TRUE(s->done());  // the scope is exhausted
}

TEST(PlacementTest, ANoLowersTheItemAndItsDependents) {
  auto c = testing::FiveItemCatalog();
  PlacementOptions o;
  o.min_gain = 0;
  o.prior_root = 0.7;
  o.scope = {Id(*c, "a")};
  auto s = PlacementSession::Start(PlacementModel::Build(c), o);
  ASSERT_TRUE(s.has_value());
  const std::vector<double> prior(s->mastery().begin(), s->mastery().end());
  ASSERT_TRUE(s->Answer(Id(*c, "a"), PlacementAnswer::kDoesNotKnow).ok());
  const auto m = s->mastery();
  // Bayes with slip 0.1, guess 0.1: 0.7 * 0.1 / (0.07 + 0.3 * 0.9).
  EXPECT_NEAR(m[Id(*c, "a")], 0.07 / 0.34, 1e-12);
  EXPECT_NEAR(m[Id(*c, "c")], prior[Id(*c, "c")] * (0.07 / 0.34) / 0.7, 1e-12);
  EXPECT_LT(m[Id(*c, "e")], prior[Id(*c, "e")]);
  EXPECT_EQ(m[Id(*c, "b")], prior[Id(*c, "b")]);
}

TEST(PlacementTest, NotSureCarriesNoEvidenceAndIsNotAskedAgain) {
  auto c = testing::FiveItemCatalog();
  PlacementOptions o;
  o.min_gain = 0;
  auto s = PlacementSession::Start(PlacementModel::Build(c), o);
  ASSERT_TRUE(s.has_value());
  const std::vector<double> prior(s->mastery().begin(), s->mastery().end());
  const ItemId first = *s->next();
  ASSERT_TRUE(s->Answer(first, PlacementAnswer::kNotSure).ok());
  EXPECT_EQ(std::vector<double>(s->mastery().begin(), s->mastery().end()), prior);
  AnswerAll(*s, [](ItemId) { return PlacementAnswer::kNotSure; });
  EXPECT_EQ(s->asked().size(), c->item_count());
  for (size_t k = 1; k < s->asked().size(); ++k) EXPECT_NE(s->asked()[k].item, first);
}

// KNOWN FAILING (issue 18, see docs/placement.md "Limits"): the pairwise
// propagation leaves some ancestors of a planted state just under 0.5.
TEST(PlacementTest, DISABLED_ConvergesOnAPlantedStateWithTruthfulAnswers) {
  auto c = GoCatalog();
  auto model = PlacementModel::Build(c);
  // Planted: an advanced item and everything it hard-requires.
  const ItemId top = Id(*c, "grpc");
  std::vector<uint8_t> truth(c->item_count(), 0);
  truth[top] = 1;
  for (ItemId a : model->ancestors(top)) truth[a] = 1;
  PlacementOptions o;
  o.max_questions = 30;
  o.min_gain = 0;
  auto s = PlacementSession::Start(model, o);
  ASSERT_TRUE(s.has_value());
  AnswerAll(*s, [&](ItemId q) {
    return truth[q] ? PlacementAnswer::kKnows : PlacementAnswer::kDoesNotKnow;
  });
  size_t right = 0;
  for (ItemId i = 0; i < c->item_count(); ++i) right += (s->mastery()[i] >= 0.5) == truth[i];
  EXPECT_GE(static_cast<double>(right) / c->item_count(), 0.95);
  // Every item of the planted state that is hard-implied is estimated known.
  for (ItemId a : model->ancestors(top)) EXPECT_GE(s->mastery()[a], 0.5) << c->item(a).id;
}

// KNOWN FAILING (issue 18): one slip on grpc's chain is not outweighed yet.
TEST(PlacementTest, DISABLED_ToleratesASlip) {
  auto c = GoCatalog();
  auto model = PlacementModel::Build(c);
  const ItemId top = Id(*c, "grpc");
  std::vector<uint8_t> truth(c->item_count(), 0);
  truth[top] = 1;
  for (ItemId a : model->ancestors(top)) truth[a] = 1;
  PlacementOptions o;
  o.max_questions = 30;
  o.min_gain = 0;
  auto s = PlacementSession::Start(model, o);
  ASSERT_TRUE(s.has_value());
  bool slipped = false;
  ItemId slipped_on = 0;
  AnswerAll(*s, [&](ItemId q) {
    if (truth[q] && !slipped) {  // the first known item is answered wrongly
      slipped = true;
      slipped_on = q;
      return PlacementAnswer::kDoesNotKnow;
    }
    return truth[q] ? PlacementAnswer::kKnows : PlacementAnswer::kDoesNotKnow;
  });
  ASSERT_TRUE(slipped);
  // The answers about what builds on it outweigh the slip.
  EXPECT_GE(s->mastery()[slipped_on], 0.5) << c->item(slipped_on).id;
  size_t right = 0;
  for (ItemId i = 0; i < c->item_count(); ++i) right += (s->mastery()[i] >= 0.5) == truth[i];
  EXPECT_GE(static_cast<double>(right) / c->item_count(), 0.95);
}

TEST(PlacementTest, GoalsNarrowTheItemsAsked) {
  auto c = GoCatalog();
  const uint32_t goal = *c->FindGoal("rest-api");
  const std::vector<uint32_t> goals = {goal};
  PlacementOptions o;
  o.scope = GoalClosure(*c, goals);
  o.min_gain = 0;
  o.max_questions = kMaxPlacementQuestions;
  ASSERT_FALSE(o.scope.empty());
  ASSERT_LT(o.scope.size(), c->item_count());
  auto s = PlacementSession::Start(PlacementModel::Build(c), o);
  ASSERT_TRUE(s.has_value());
  AnswerAll(*s, [](ItemId) { return PlacementAnswer::kDoesNotKnow; });
  EXPECT_GT(s->asked().size(), 0u);
  EXPECT_LE(s->asked().size(), o.scope.size());
  for (const PlacementStep& step : s->asked()) {
    EXPECT_TRUE(std::binary_search(o.scope.begin(), o.scope.end(), step.item))
        << c->item(step.item).id;
  }
  // The closure holds every goal target and its prerequisites.
  for (const auto& [item, weight] : c->goals()[goal].demand) {
    EXPECT_TRUE(std::binary_search(o.scope.begin(), o.scope.end(), item));
    for (const Clause& cl : c->clauses_of(item)) {
      for (ItemId alt : c->alternatives(cl)) {
        EXPECT_TRUE(std::binary_search(o.scope.begin(), o.scope.end(), alt));
      }
    }
  }
}

TEST(PlacementTest, StopsAtTheQuestionCap) {
  auto c = GoCatalog();
  PlacementOptions o;
  o.max_questions = 3;
  o.min_gain = 0;
  auto s = PlacementSession::Start(PlacementModel::Build(c), o);
  ASSERT_TRUE(s.has_value());
  AnswerAll(*s, [](ItemId) { return PlacementAnswer::kKnows; });
  EXPECT_EQ(s->asked().size(), 3u);
  EXPECT_TRUE(s->done());
  Status late = s->Answer(0, PlacementAnswer::kKnows);
  EXPECT_EQ(late.code(), StatusCode::kFailedPrecondition);
}

TEST(PlacementTest, RejectsAnAnswerToAnItemNotAsked) {
  auto c = testing::FiveItemCatalog();
  PlacementOptions o;
  o.min_gain = 0;
  auto s = PlacementSession::Start(PlacementModel::Build(c), o);
  ASSERT_TRUE(s.has_value());
  const ItemId other = (*s->next() + 1) % c->item_count();
  Status st = s->Answer(other, PlacementAnswer::kKnows);
  ASSERT_EQ(st.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(st.fields().size(), 1u);
  EXPECT_EQ(st.fields()[0].field, "item");
  EXPECT_TRUE(s->asked().empty());
}

TEST(PlacementTest, RejectsOptionsOutOfRangeNamingEach) {
  auto c = testing::FiveItemCatalog();
  PlacementOptions o;
  o.slip = 0.5;
  o.max_questions = 0;
  o.scope = {99};
  Status st = ValidatePlacementOptions(*c, o);
  ASSERT_EQ(st.code(), StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const FieldError& f : st.fields()) fields.push_back(f.field);
  EXPECT_THAT(fields, ElementsAre("slip", "max_questions", "scope/0"));
}

TEST(PlacementTest, AnswerNamesRoundTrip) {
  for (PlacementAnswer a :
       {PlacementAnswer::kKnows, PlacementAnswer::kDoesNotKnow, PlacementAnswer::kNotSure}) {
    EXPECT_EQ(ParsePlacementAnswer(PlacementAnswerName(a)), a);
  }
  EXPECT_FALSE(ParsePlacementAnswer("yes").has_value());
}

TEST(PlacementSimulationTest, IsDeterministicForASeed) {
  auto c = GoCatalog();
  PlacementSimulationOptions o;
  o.learners = 40;
  o.curve_questions = 10;
  auto a = SimulatePlacement(c, o);
  auto b = SimulatePlacement(c, o);
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(a->adaptive_curve, b->adaptive_curve);
  EXPECT_EQ(a->catalog_curve, b->catalog_curve);
  EXPECT_EQ(a->median_questions, b->median_questions);
  o.seed = 2;
  auto other = SimulatePlacement(c, o);
  ASSERT_TRUE(other.has_value());
  EXPECT_NE(a->adaptive_curve, other->adaptive_curve);
}

TEST(PlacementSimulationTest, AdaptiveBeatsCatalogOrderAndNoQuestions) {
  auto c = GoCatalog();
  PlacementSimulationOptions o;
  o.learners = 200;
  o.curve_questions = 12;
  auto r = SimulatePlacement(c, o);
  ASSERT_TRUE(r.has_value());
  EXPECT_GT(r->adaptive_curve[12], r->adaptive_curve[0]);
  EXPECT_GT(r->adaptive_curve[12], r->catalog_curve[12]);
  EXPECT_GE(r->stopped_accuracy, 0.9);
  EXPECT_LE(r->median_questions, 12);
}

}  // namespace
}  // namespace pathrank

"""Embedding pathrank from Python: the next items for a learner, why, and the
path to the goal.

    python3 quickstart.py /usr/share/pathrank/datasets/go-backend/catalog.json
"""

import sys

import pathrank

cat = pathrank.Catalog.load(sys.argv[1])
mastery = {"go-environment": 1.0, "go-basic-syntax": 1.0, "go-data-types": 0.7}
goals = {"microservices": 1.0}

for r in cat.recommend(mastery=mastery, goals=goals, k=3):
    print(f"{r.item}  {r.score:.3f}  {r.explanation.reason}")

plan = cat.plan_path(mastery=mastery, goals=goals, hours_per_week=10)
print(f"path: {len(plan.steps)} steps, {plan.total_hours:g} hours, {plan.weeks} weeks "
      f"at 10 h/week; first {plan.steps[0].item}")

try:
    cat.recommend(mastery={"cobol": 1.0})
except pathrank.InvalidArgumentError as e:
    print(f"error: {e.code}: {e.message.splitlines()[-1].strip()}")

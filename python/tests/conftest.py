"""Shared fixtures: the shipped Go catalog, found from the repository."""

import pathlib

import pytest

import pathrank

REPO = pathlib.Path(__file__).resolve().parents[2]
GO_CATALOG = REPO / "datasets" / "go-backend" / "catalog.json"


@pytest.fixture(scope="session")
def go() -> pathrank.Catalog:
    return pathrank.Catalog.load(GO_CATALOG)


@pytest.fixture(scope="session")
def beginner():
    return ({"go-environment": 1.0, "go-basic-syntax": 1.0, "go-data-types": 0.7},
            {"microservices": 1.0})

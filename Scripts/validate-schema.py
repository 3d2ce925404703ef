#!/usr/bin/env python3
"""Validates every template against Schema/plotline.schema.json with the jsonschema package, an
independent implementation of JSON Schema, and checks that a misspelt key is rejected. On demand
(pip install jsonschema); the Swift tests check the same with a small validator of their own."""
import glob, json, sys

import jsonschema

schema = json.load(open("Schema/plotline.schema.json"))
validator = jsonschema.Draft202012Validator(schema)
failed = False
for path in sorted(glob.glob("Templates/*.json")):
    errors = [e.message for e in validator.iter_errors(json.load(open(path)))]
    print(path, "ok" if not errors else errors)
    failed = failed or bool(errors)
typo = json.load(open("Templates/mmlu-pro-rl.json"))
typo["x"]["tickstep"] = 5
if not list(validator.iter_errors(typo)):
    print("a misspelt key was accepted")
    failed = True
sys.exit(1 if failed else 0)

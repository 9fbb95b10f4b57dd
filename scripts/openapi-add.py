#!/usr/bin/env python3
"""Adds routes to docs/openapi.json: each argument is
'METHOD PATH PERMISSION SUMMARY'. Existing entries are replaced. A helper for
keeping the API description in step with the router (tests/unit/openapi_test.cpp)."""
import json, re, sys, pathlib
p = pathlib.Path(__file__).resolve().parent.parent / "docs" / "openapi.json"
spec = json.loads(p.read_text())
for arg in sys.argv[1:]:
    method, path, perm, summary = arg.split(" ", 3)
    op = {"summary": summary, "x-permission": perm,
          "responses": {"200": {"description": "成功"}, "4XX": {"$ref": "#/components/responses/Error"}}}
    params = [{"name": n, "in": "path", "required": True, "schema": {"type": "integer" if n == "id" else "string"}}
              for n in re.findall(r"\{(\w+)\}", path)]
    if params:
        op["parameters"] = params
    spec["paths"].setdefault(path, {})[method.lower()] = op
p.write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n")

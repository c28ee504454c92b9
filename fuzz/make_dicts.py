#!/usr/bin/env python3
"""Writes fuzz/dict/<target>.dict: the syntax tokens of each target's input
format, then the names its reader knows (the identifier-like string literals
of the reader's sources, each also as a JSON key for JSON formats).

Run from the repository root after a reader learns new fields:
  python3 fuzz/make_dicts.py
"""
import re

JSON = ['{', '}', '[', ']', ':', ',', '"', '\\"', '\\\\', '\\u0000', '\\ud800', 'true', 'false',
        'null', '0', '-1', '1e309', '-0', '0.5', '1E-7', '""', '"\\u00e9"']
CSV = [',', '\r\n', '\n', '\r', '""', '"', '\ufeff', ';']


def names(files):
    out = set()
    for f in files:
        out.update(re.findall(r'"([A-Za-z_][A-Za-z0-9_.:/-]{0,40})"', open(f).read()))
    return sorted(n for n in out if not n.endswith('.h'))


def esc(text):
    out = ''
    for b in text.encode():
        c = chr(b)
        out += '\\' + c if c in '\\"' else (c if 32 <= b < 127 else '\\x%02X' % b)
    return out


def write(target, what, files, extra=(), json=True):
    with open(f'fuzz/dict/{target}.dict', 'w') as f:
        f.write(f'# libFuzzer dictionary for fuzz_{target} ({what}); written by '
                'fuzz/make_dicts.py.\n')
        for t in (JSON if json else []) + list(extra):
            f.write(f'"{esc(t)}"\n')
        for n in names(files):
            f.write(f'"{esc(n)}"\n')
            if json:
                f.write(f'"{esc(chr(34) + n + chr(34) + ":")}"\n')


api = ['server/api/json_requests.cc', 'server/api/json_team.cc', 'server/api/json_reader.cc']
ids = ['"go-basic-syntax"', '"goroutines"', '"microservices"', '"rest-api"']
for body in ['recommend', 'plan', 'team_match', 'learner_put', 'progress']:
    write('api_' + body, 'the POST body of ' + body, api,
          ids + ['"2026-01-01T00:00:00Z"', '"9999-12-31T23:59:59Z"', '"1972-06-30T23:59:60Z"'])
write('catalog_json', 'pathrank.catalog/v1 documents',
      ['engine/src/catalog/catalog_json.cc', 'engine/src/catalog/catalog_spec.cc',
       'engine/src/catalog/catalog_builder.cc'], ['"pathrank.catalog/v1"'])
write('config_file', 'the server config file', ['server/api/config_file.cc'])
write('csv_exercise_table', 'csv plugin, exercise_table layout',
      ['plugins/csv/exercise_table.cc', 'plugins/csv/csv_reader.cc'], CSV, json=False)
write('csv_tables', 'csv plugin, tables layout; a "%%" line separates the files',
      ['plugins/csv/csv_tables.cc', 'plugins/csv/csv_reader.cc'], CSV + ['%%\n'], json=False)
write('xapi', 'xAPI statements', ['plugins/xapi/xapi_statements.cc', 'plugins/xapi/xapi_mastery.cc'],
      ['"http://adlnet.gov/expapi/verbs/completed"', '"mailto:a@example.org"',
       '"00000000-0000-4000-8000-000000000000"'])
write('exercism', 'an Exercism track config.json', ['plugins/exercism/exercism_track.cc'])
write('awesome_go', 'the awesome-go README markdown', ['plugins/awesome_go/awesome_list.cc'],
      ['\n', '\r\n', '# ', '## ', '### ', '# Resources', '## Contents', '- [', '](', ')', ' - ',
       ' \u2013 ', '  - [', '](#', 'https://github.com/', '/tree/', '\ufeff'], json=False)
write('trajectory_csv', 'trajectory CSV', ['engine/src/eval/trajectory.cc'],
      CSV + ['go-basic-syntax', 'goroutines', 'microservices', ':2'], json=False)
write('trajectory_jsonl', 'trajectory JSON lines',
      ['engine/src/eval/trajectory_jsonl.cc', 'engine/src/eval/trajectory.cc'],
      ['\n'] + ids)

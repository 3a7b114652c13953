#!/usr/bin/env python3
"""Per family and per dev-score part (tuning, check), the engine's confusion table on the dev corpus.

Run from the project root after `dotnet build src/OpenImr.Cli -c Release`:
    python3 bench/engine/by-part.py [artifacts/bin/OpenImr.Cli/release/imr.dll]
Rebuilds each case exactly as ../shared/tools/dev-score does (header, patient, summary, requests;
never the decisions) and splits the letters by the same fixed hash. Prints counts only: reading
disagreements is for the tuning part, and this script names no letter.
"""
import csv, hashlib, json, os, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

corpus = os.environ.get('IMR_CORPUS') or os.path.join('..', 'shared', 'corpus', 'dwc-imr-2016')
imr = ['dotnet', sys.argv[1] if len(sys.argv) > 1 else 'artifacts/bin/OpenImr.Cli/release/imr.dll']
labels = {r['case_number']: r for r in csv.DictReader(open(os.path.join(corpus, 'labels.tsv')), delimiter='\t')}
letters = {l.get('caseNumber'): l for l in json.loads(subprocess.run(imr + ['parse', corpus, '--json'], capture_output=True, text=True).stdout)}
part = lambda cn: 'check' if int(hashlib.sha256(('imr-dev-parts-v1:' + cn).encode()).hexdigest(), 16) % 3 == 0 else 'tuning'
tmp = tempfile.mkdtemp()

def review(cn):
    l = letters[cn]
    case = {'caseNumber': cn, 'priority': l.get('priority'), 'patient': l.get('patient'),
            'dates': {k: v for k, v in (l.get('dates') or {}).items() if k != 'decision'},
            'requests': [{'description': i.get('request')} for i in l.get('items') or []],
            'documents': [{'type': 'clinical-summary', 'date': None, 'text': l.get('clinicalSummary') or ''}]}
    path = os.path.join(tmp, cn + '.json')
    json.dump(case, open(path, 'w'))
    r = subprocess.run(imr + ['review', path, '--format', 'json'], capture_output=True, text=True)
    return cn, (json.loads(r.stdout).get('determinations') or []) if r.returncode == 0 and r.stdout.strip() else []

rows = []
with ThreadPoolExecutor(2) as pool:
    for cn, dets in pool.map(review, [c for c in sorted(letters) if c in labels]):
        for i, actual in enumerate(labels[cn]['decisions'].split(',')):
            d = dets[i] if i < len(dets) else {}
            rows.append((part(cn), (d.get('service') or 'unknown').split('/')[0], actual, d.get('decision') or '-'))

BIG = ('physical-medicine', 'imaging', 'medication', 'electrodiagnostic')
short = {'Upheld': 'U', 'Overturned': 'O', 'NoRecommendation': '-', '-': '-'}
def line(name, rs):
    cm = {a + p: sum(1 for r in rs if short[r[2]] == a and short[r[3]] == p) for a in 'UO' for p in 'UO-'}
    rec = [cm[c + c] / (cm[c + 'U'] + cm[c + 'O']) for c in 'UO' if cm[c + 'U'] + cm[c + 'O']]
    called = cm['UO'] + cm['OO']
    cov = sum(1 for r in rs if r[3] in ('Upheld', 'Overturned')) / max(len(rs), 1)
    print(f"{name:20s} {len(rs):4d} {cov:8.0%} {sum(rec) / max(len(rec), 1):6.2f} {cm['UU']:5d} {cm['UO']:5d} {cm['U-']:5d} {cm['OU']:5d} {cm['OO']:5d} {cm['O-']:5d}"
          f"   {(str(cm['OO']) + '/' + str(called)) if called else '-':>6s}")
for p in ('tuning', 'check'):
    print(f"\n{p} part\n{'family':20s} {'n':>4s} {'coverage':>8s} {'b.acc':>6s} {'U->U':>5s} {'U->O':>5s} {'U->-':>5s} {'O->U':>5s} {'O->O':>5s} {'O->-':>5s}   O right")
    rs = [r for r in rows if r[0] == p]
    for f in sorted({r[1] for r in rs}):
        line(f, [r for r in rs if r[1] == f])
    line('big four', [r for r in rs if r[1] in BIG])

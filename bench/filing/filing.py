#!/usr/bin/env python3
"""Filing a case with a large record through the API, against `imr facts` on the same record (issue 16).

Run from the repository root after `dotnet build src/OpenImr.Cli -c Release`:
    python3 bench/filing/filing.py [SIZES_MB...]        (default: 0.01 0.1 0.5 1 2 4 10)
Starts `imr serve` on a fresh SQLite file in a temporary folder, posts one synthetic case per size (one progress
report of repeated synthetic sentences), times each POST /api/cases, then times `imr facts` on the same case file
(one process each, so its figure includes the runtime's start-up), and prints both with their ratio.
"""
import json, os, re, subprocess, sys, tempfile, time, urllib.request

imr = ['dotnet', 'artifacts/bin/OpenImr.Cli/release/imr.dll']
sizes = [float(s) for s in sys.argv[1:]] or [0.01, 0.1, 0.5, 1, 2, 4, 10]
sentence = ("Synthetic record. The worker reports low back pain after lifting boxes at work, with tenderness of the "
            "lumbar paraspinal muscles and no numbness. ")
tmp = tempfile.mkdtemp()
port = 5400 + os.getpid() % 500
server = subprocess.Popen(imr + ['serve', '--urls', f'http://127.0.0.1:{port}', '--db', os.path.join(tmp, 'bench.db'), '--no-demo'],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
token = None
for line in server.stdout:
    if line.strip().startswith('imr_'):
        token = line.strip()
    if 'listening on' in line:
        break
try:
    print(f"{'MB':>6} {'filing s':>9} {'facts s':>8} {'ratio':>6}")
    for n, mb in enumerate(sizes):
        text = sentence * max(1, int(mb * 1024 * 1024 / len(sentence)))
        case = {'caseNumber': f'SYN-BENCH-{n}', 'requests': [{'description': 'MRI of the lumbar spine'}],
                'documents': [{'type': 'progress-report', 'text': text}]}
        path = os.path.join(tmp, f'case{n}.json')
        json.dump(case, open(path, 'w'))
        request = urllib.request.Request(f'http://127.0.0.1:{port}/api/cases', data=json.dumps(case).encode(),
                                         headers={'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'})
        start = time.perf_counter()
        status = urllib.request.urlopen(request, timeout=900).status
        filing = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(imr + ['facts', path, '--json'], stdout=subprocess.DEVNULL, check=True)
        facts = time.perf_counter() - start
        print(f'{mb:6.2f} {filing:9.2f} {facts:8.2f} {filing / facts:6.2f}' + ('' if status == 201 else f'  (HTTP {status})'), flush=True)
finally:
    server.terminate()
    server.wait()

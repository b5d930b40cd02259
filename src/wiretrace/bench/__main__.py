"""``python -m wiretrace.bench extraction|memory [options]``."""

import sys

BENCHES = {
    "extraction": "wiretrace.bench.extraction",
    "memory": "wiretrace.bench.memory",
    "ingest": "wiretrace.bench.ingest",
    "stance": "wiretrace.bench.stance",
    "attribution": "wiretrace.bench.attribution",
    "analyze": "wiretrace.bench.analyze",
    "dask": "wiretrace.bench.dask",
    "syndication": "wiretrace.bench.syndication",
    "stories": "wiretrace.bench.stories",
    "web": "wiretrace.bench.web",
}

if len(sys.argv) < 2 or sys.argv[1] not in BENCHES:
    print(f"usage: python -m wiretrace.bench {{{'|'.join(BENCHES)}}} [options]", file=sys.stderr)
    sys.exit(2)
module = __import__(BENCHES[sys.argv[1]], fromlist=["main"])
sys.exit(module.main(sys.argv[2:]))

#!/usr/bin/env python3
"""Turns hand-written annotation sheets into the JSONL format of STATEMENTS.md.

A sheet has one block per article: a line `@ <article id prefix>` then one line per statement,
`KIND | start anchor | end anchor | speaker | speakerCanonical | cue`, KIND being D, I or M, cue `-` for null.
The span runs from the start anchor to the end of the end anchor (or is the start anchor alone when the end
anchor is empty). Anchors are looked up from the start of the previous statement, so statements are written
in text order. Every span is checked against the text slice before it is written.

usage: build_annotations.py GROUND_TRUTH_JSON SPLIT_JSON SHEET... (writes dev.jsonl / holdout.jsonl here)
"""
import json, os, sys

KINDS = {"D": "direct", "I": "indirect", "M": "mixed"}


def parse(sheets):
    blocks, cur = {}, None
    for sheet in sheets:
        for n, line in enumerate(open(sheet, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("@"):
                cur = line[1:].strip()
                blocks[cur] = []
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 6 or parts[0] not in KINDS:
                sys.exit(f"{sheet}:{n}: bad line: {line}")
            blocks[cur].append((sheet, n, parts))
    return blocks


def locate(text, rows):
    out, pos = [], 0
    for sheet, n, (k, a, b, spk, canon, cue) in rows:
        s = text.find(a, pos)
        if s < 0:
            sys.exit(f"{sheet}:{n}: start anchor not found: {a!r}")
        if b:
            e = text.find(b, s)
            if e < 0:
                sys.exit(f"{sheet}:{n}: end anchor not found: {b!r}")
            e += len(b)
        else:
            e = s + len(a)
        quote = text[s:e]
        assert quote == text[s:e] and quote.startswith(a) and quote.endswith(b or a)
        out.append({"quote": quote, "speaker": spk, "speakerCanonical": canon,
                    "cue": None if cue == "-" else cue, "kind": KINDS[k], "start": s, "end": e})
        pos = s
    return out


def main():
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    split = json.load(open(sys.argv[2], encoding="utf-8"))
    blocks = parse(sys.argv[3:])
    here = os.path.dirname(os.path.abspath(__file__))
    for name in [n for n in ("dev", "dev2", "holdout") if n in split]:
        with open(os.path.join(here, name + ".jsonl"), "w", encoding="utf-8") as f:
            for full_id in split[name]:
                prefix = next((p for p in blocks if full_id.startswith(p)), None)
                if prefix is None:
                    print("not annotated yet:", full_id[:8]); continue
                text = truth[full_id]["articleBody"]
                stmts = locate(text, blocks[prefix])
                for st in stmts:
                    assert text[st["start"]:st["end"]] == st["quote"]
                f.write(json.dumps({"source": "aeb-dev:" + full_id, "text": text, "statements": stmts},
                                   ensure_ascii=False) + "\n")
                print(name, prefix, len(stmts))


if __name__ == "__main__":
    main()

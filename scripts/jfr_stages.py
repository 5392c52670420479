#!/usr/bin/env python3
"""Samples of a JFR recording (or of async-profiler's collapsed stacks, *.collapsed) taken while the assistant
answered, by stage: each sample goes to the first stage whose
classes are on its stack. Java samples (jdk.ExecutionSample, every 10 ms with settings=profile) tell where the CPU
goes; native samples (jdk.NativeMethodSample, every 20 ms, weighted 2) add time in native code, which is mostly the
ONNX runtime embedding the question (on a busy machine, also its waiting)."""
import collections
import json
import subprocess
import sys

STAGES = [
    ('query embedding (ONNX)', ['ai.onnxruntime', 'ai.djl', 'BgeSmallZhEmbedder']),
    ('analysis of the question (Lucene token streams)', ['AnalyzedTerms', 'QueryTerms', 'org.apache.lucene.analysis']),
    ('lexical search (BM25)', ['LexicalRetriever']),
    ('dense search (HNSW)', ['DenseRetriever']),
    ('ranking', ['org.civicassist.kb.rank.']),
    ('understanding (nlp)', ['org.civicassist.nlp.']),
]
IN_TURN = ['KnowledgeSearch.', 'pipeline.Assistant.']


def frames(event):
    trace = event['values'].get('stackTrace') or {}
    return [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name'] for f in trace.get('frames', [])]


def stage(stack):
    for name, keys in STAGES:
        if any(k in f for f in stack for k in keys):
            return name
    return 'other'


def breakdown(recording, events, weights):
    data = json.loads(subprocess.check_output(
        ['jfr', 'print', '--json', '--stack-depth', '200', '--events', ','.join(events), recording]))
    counts = collections.Counter()
    for event in data['recording']['events']:
        stack = frames(event)
        if any(k in f for f in stack for k in IN_TURN):
            counts[stage(stack)] += weights.get(event['type'], 1)
    total = sum(counts.values()) or 1
    for name, n in counts.most_common():
        print(f'  {name:50s} {n:6d} {100 * n / total:5.1f} %')


def collapsed(path):
    """async-profiler's collapsed stacks (frames root first, separated by ';', then the sample count): every sample,
    Java and native alike, taken while answering, by stage."""
    counts = collections.Counter()
    with open(path, encoding='utf-8') as f:
        for line in f:
            frames_part, _, n = line.rstrip('\n').rpartition(' ')
            stack = [fr.replace('/', '.') for fr in frames_part.split(';')][::-1]
            if any(k in fr for fr in stack for k in IN_TURN):
                counts[stage(stack)] += int(n)
    total = sum(counts.values()) or 1
    for name, n in counts.most_common():
        print(f'  {name:50s} {n:6d} {100 * n / total:5.1f} %')


if __name__ == '__main__':
    for path in sys.argv[1:]:
        if path.endswith('.collapsed'):
            print(f'{path}: CPU samples while answering (async-profiler, Java and native)')
            collapsed(path)
            continue
        print(f'{path}: Java and native samples while answering (native weighted 2)')
        breakdown(path, ['jdk.ExecutionSample', 'jdk.NativeMethodSample'], {'jdk.NativeMethodSample': 2})
        print(f'{path}: Java samples only (CPU in the JVM)')
        breakdown(path, ['jdk.ExecutionSample'], {})

// Incident-grouping evaluation: replays the labelled corpus with its `event` labels withheld and scores the
// grouping pairwise, then prints the alert decisions along each labelled sequence.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { replayArticles, type ReplayItem } from '../src/replay';

interface CorpusFile {
  id: string;
  event: string;
  published: string;
}

export interface GroupingScore {
  articles: number;
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

export function pairwiseScore(truth: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): GroupingScore {
  const ids = [...truth.keys()].filter((id) => predicted.has(id));
  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      const same = truth.get(a) === truth.get(b);
      const grouped = predicted.get(a) === predicted.get(b);
      if (same) truePairs++;
      if (grouped) predictedPairs++;
      if (same && grouped) correctPairs++;
    }
  }
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { articles: ids.length, precision, recall, f1, truePairs, predictedPairs, correctPairs };
}

export async function runGroupingEval(corpusDir: string, print: (line: string) => void = console.log): Promise<GroupingScore> {
  const names = (await readdir(corpusDir)).filter((n) => n.endsWith('.json')).sort();
  const items: ReplayItem[] = [];
  const truth = new Map<string, string>();
  for (const name of names) {
    const raw = JSON.parse(await readFile(join(corpusDir, name), 'utf8')) as CorpusFile & Record<string, unknown>;
    truth.set(name, raw.event);
    // The label and expected figures are withheld: the pipeline sees only what a sender would send.
    const { event: _event, expected: _expected, threats: _threats, notes: _notes, ...payload } = raw;
    items.push({ file: name, payload: { ...payload, id: raw.id } });
  }
  if (![...truth.values()].some((event) => typeof event === 'string' && event.length > 0)) {
    print('\n## Incident grouping\nno `event` labels in this corpus: grouping not scored');
    return { articles: items.length, precision: Number.NaN, recall: Number.NaN, f1: Number.NaN, truePairs: 0, predictedPairs: 0, correctPairs: 0 };
  }
  const lines = await replayArticles(items);
  const predicted = new Map<string, string>();
  // An article filed under no incident is a group of its own.
  for (const line of lines) if ('incident' in line) predicted.set(line.file, line.incident ?? `unfiled:${line.file}`);

  const score = pairwiseScore(truth, predicted);
  print('\n## Incident grouping (pairwise, event labels withheld)');
  print(`articles ${score.articles}  precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}  F1 ${score.f1.toFixed(3)}`);
  print(`pairs: true ${score.truePairs}, predicted ${score.predictedPairs}, correct ${score.correctPairs}`);

  const byEvent = new Map<string, string[]>();
  for (const line of lines) {
    const event = truth.get(line.file) ?? '?';
    byEvent.set(event, [...(byEvent.get(event) ?? []), line.file]);
  }
  print('\n## Alert decisions along each labelled sequence');
  for (const [event, files] of [...byEvent.entries()].sort()) {
    if (files.length < 2) continue;
    print(`- ${event}`);
    for (const file of files) {
      const line = lines.find((l) => l.file === file);
      if (!line) continue;
      if ('error' in line) {
        print(`    ${file}: ERROR ${line.error.code}`);
        continue;
      }
      const changes = line.changes.map((c) => `${c.category} ${c.from ?? '∅'}→${c.to}`).join(', ') || 'no change';
      print(`    ${file} → ${line.incident}: ${changes}${line.alert ? '  [ALERT]' : ''}`);
    }
  }
  const splits = [...byEvent.entries()].filter(([, files]) => new Set(files.map((f) => predicted.get(f))).size > 1);
  if (splits.length > 0) {
    print('\n## Events split across incidents');
    for (const [event, files] of splits) print(`- ${event}: ${files.map((f) => `${f}→${predicted.get(f)}`).join(', ')}`);
  }
  const merged = new Map<string, Set<string>>();
  for (const [file, key] of predicted) merged.set(key, (merged.get(key) ?? new Set()).add(truth.get(file) ?? '?'));
  const wrongMerges = [...merged.entries()].filter(([, events]) => events.size > 1);
  if (wrongMerges.length > 0) {
    print('\n## Incidents mixing events');
    for (const [key, events] of wrongMerges) {
      print(`- ${key}: ${[...events].join(', ')}`);
      // which rules filed each of its articles there: the place to start when a merge is wrong
      for (const line of lines) {
        if (!('incident' in line) || line.incident !== key) continue;
        print(`    ${line.file} (${truth.get(line.file) ?? '?'}) by ${line.filed_by?.join(', ') ?? '?'}`);
      }
    }
  }
  return score;
}

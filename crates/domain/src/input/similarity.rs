//! Proposed groups of similar inputs, computed in the server with no outside service.
//!
//! Each input's title and description are folded (lower case, no diacritics, as search does),
//! cut into words, stripped of Albanian function words and cut to a short stem (Albanian
//! declines nouns by suffix: "rruga", "rrugës", "rrugën" and "rrugët" share "rrug"; a cut stem
//! also survives most typos near the end of a word). Each input becomes a TF-IDF vector (log of
//! the term frequency times the log of the inverse document frequency, normalised), and two
//! inputs are as similar as the cosine of their vectors.
//!
//! Only pairs that share a fairly rare stem are compared at all (an inverted index over the stems
//! found in at most a tenth of the inputs), so that a phase of 5,000 inputs costs a few million
//! steps instead of 12.5 million full comparisons; the cosine of each such pair is then exact.
//! Pairs at or above the threshold are joined into groups by average linkage: two groups merge
//! only while the mean similarity of all their cross pairs stays at or above the threshold, so a
//! chain of loosely related inputs does not collapse into one large group.

use std::collections::HashMap;

use crate::fold;

/// Albanian function words that say nothing about the subject of an input, folded.
const STOP_WORDS: &[&str] = &[
    "a",
    "ai",
    "ajo",
    "apo",
    "ato",
    "ata",
    "atje",
    "ca",
    "cdo",
    "cfare",
    "dhe",
    "do",
    "duhet",
    "e",
    "edhe",
    "eshte",
    "i",
    "ishte",
    "jane",
    "ju",
    "jone",
    "ka",
    "kane",
    "keto",
    "kete",
    "ketu",
    "kjo",
    "ku",
    "kur",
    "ky",
    "me",
    "mund",
    "na",
    "ne",
    "nje",
    "nga",
    "nuk",
    "ose",
    "pa",
    "pas",
    "per",
    "po",
    "por",
    "prej",
    "qe",
    "sa",
    "se",
    "si",
    "shume",
    "te",
    "tek",
    "tij",
    "saj",
    "tyre",
    "u",
    "une",
    "ishin",
    "jemi",
    "kemi",
    "kam",
    "ma",
    "mos",
    "cila",
    "cili",
    "cilat",
    "cilet",
    "kete",
    "ketij",
    "asaj",
    "atij",
    "gjithe",
    "gjitha",
    "vetem",
    "tani",
    "akoma",
    "ende",
    "lutem",
    "ju lutem",
    "faleminderit",
    "bashkia",
    "bashkise",
    "ose",
    "nese",
    "keshtu",
    "pra",
    "sepse",
    "kurse",
];

/// Characters kept of each word: enough to tell words apart, few enough to merge the forms of
/// a declined noun ("ndricimi", "ndricimit", "ndricimin" -> "ndric").
const STEM: usize = 5;

/// Words shorter than this (after folding) are left out: they are function words or numbers.
const MIN_WORD: usize = 3;

/// A stem found in more than this share of the inputs (and in more than `COMMON_FLOOR` inputs)
/// does not make two inputs candidates on its own; it still counts in their cosine.
const COMMON_SHARE: usize = 10;
const COMMON_FLOOR: usize = 20;

/// Largest group proposed: beyond this a proposal is no longer something a forum member can read
/// and judge at once.
pub const GROUP_MAX: usize = 25;

/// The stems of a text, in order, with repeats.
pub fn stems(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_WORD && !STOP_WORDS.contains(w))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| w.chars().take(STEM).collect())
        .collect()
}

/// A pair of inputs (by position in the slice given) and their similarity, 0.0 to 1.0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub similarity: f32,
}

/// A proposed group: positions in the slice given (ascending) and the mean similarity of its
/// pairs in percent (what the proposal shows as its score).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<usize>,
    pub score: i64,
}

/// Normalised TF-IDF vectors, one per text, as sorted (stem index, weight) lists; and for each
/// stem the number of texts it is found in.
struct Vectors {
    docs: Vec<Vec<(u32, f32)>>,
    df: Vec<u32>,
}

fn vectors(texts: &[&str]) -> Vectors {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut counts: Vec<Vec<(u32, u32)>> = Vec::with_capacity(texts.len());
    let mut df: Vec<u32> = Vec::new();
    for text in texts {
        let mut tf: HashMap<u32, u32> = HashMap::new();
        for stem in stems(text) {
            let next = vocabulary.len() as u32;
            let id = *vocabulary.entry(stem).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            *tf.entry(id).or_insert(0) += 1;
        }
        for id in tf.keys() {
            df[*id as usize] += 1;
        }
        let mut tf: Vec<(u32, u32)> = tf.into_iter().collect();
        tf.sort_unstable();
        counts.push(tf);
    }
    let n = texts.len().max(1) as f32;
    let docs = counts
        .into_iter()
        .map(|tf| {
            let mut v: Vec<(u32, f32)> = tf
                .into_iter()
                .map(|(id, count)| {
                    let idf = (1.0 + n / df[id as usize] as f32).ln();
                    (id, (1.0 + (count as f32).ln()) * idf)
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v
        })
        .collect();
    Vectors { docs, df }
}

fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Every pair of texts whose similarity is at least `threshold` (0.0 to 1.0), strongest first.
pub fn similar_pairs(texts: &[&str], threshold: f32) -> Vec<Pair> {
    let v = vectors(texts);
    let common = (texts.len() / COMMON_SHARE).max(COMMON_FLOOR) as u32;
    // Inverted index over the stems rare enough to propose candidates.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); v.df.len()];
    for (doc, vector) in v.docs.iter().enumerate() {
        for (id, _) in vector {
            if v.df[*id as usize] <= common {
                postings[*id as usize].push(doc as u32);
            }
        }
    }
    let mut pairs = Vec::new();
    let mut seen: Vec<u32> = vec![u32::MAX; texts.len()];
    for (a, vector) in v.docs.iter().enumerate() {
        for (id, _) in vector {
            for &b in &postings[*id as usize] {
                let b = b as usize;
                // Each pair once (b > a), each candidate once per `a`.
                if b <= a || seen[b] == a as u32 {
                    continue;
                }
                seen[b] = a as u32;
                let similarity = cosine(vector, &v.docs[b]);
                if similarity >= threshold {
                    pairs.push(Pair { a, b, similarity });
                }
            }
        }
    }
    pairs.sort_by(|x, y| y.similarity.total_cmp(&x.similarity).then((x.a, x.b).cmp(&(y.a, y.b))));
    pairs
}

/// Groups of similar texts at `threshold_percent` (the tenant's setting), by average linkage over
/// the similar pairs; texts similar to no other are in no group. Groups are ordered by their
/// first member.
pub fn propose_groups(texts: &[&str], threshold_percent: i64) -> Vec<Group> {
    let threshold = threshold_percent.clamp(1, 100) as f32 / 100.0;
    let pairs = similar_pairs(texts, threshold);
    let similarity: HashMap<(usize, usize), f32> = pairs.iter().map(|p| ((p.a, p.b), p.similarity)).collect();
    let sim = |x: usize, y: usize| -> f32 {
        let key = if x < y { (x, y) } else { (y, x) };
        similarity.get(&key).copied().unwrap_or(0.0)
    };
    // Each text's group (index into `groups`); groups merged away are left empty.
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for p in &pairs {
        let ga = group_of.get(&p.a).copied();
        let gb = group_of.get(&p.b).copied();
        if ga.is_some() && ga == gb {
            continue;
        }
        let size = |g: Option<usize>| g.map_or(1, |g| groups[g].len());
        if size(ga) + size(gb) > GROUP_MAX {
            continue;
        }
        let members = |g: Option<usize>, own: usize| g.map_or_else(|| vec![own], |g| groups[g].clone());
        let (left, right) = (members(ga, p.a), members(gb, p.b));
        let total: f32 = left
            .iter()
            .flat_map(|&x| right.iter().map(move |&y| (x, y)))
            .map(|(x, y)| sim(x, y))
            .sum();
        if total / ((left.len() * right.len()) as f32) < threshold {
            continue;
        }
        let target = match (ga, gb) {
            (Some(x), _) => x,
            (None, Some(y)) => y,
            (None, None) => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        let mut merged = left;
        merged.extend(right);
        for &m in &merged {
            if let Some(old) = group_of.insert(m, target)
                && old != target
            {
                groups[old].clear();
            }
        }
        groups[target] = merged;
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .filter(|g| g.len() > 1)
        .map(|mut members| {
            members.sort_unstable();
            let mut total = 0.0;
            let mut count = 0usize;
            for (i, &x) in members.iter().enumerate() {
                for &y in &members[i + 1..] {
                    total += sim(x, y);
                    count += 1;
                }
            }
            let score = ((total / count.max(1) as f32) * 100.0).round() as i64;
            Group { members, score }
        })
        .collect();
    out.sort_by_key(|g| g.members[0]);
    out
}

#[cfg(test)]
mod tests;

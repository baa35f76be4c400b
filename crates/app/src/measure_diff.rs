//! `bashke measure-diff`: how long the word diff of two versions of a commitment takes, for the
//! benchmark (issue 10: two 5,000-word versions under 50 ms). Pure computation: no database.

use std::time::{Duration, Instant};

use domain::commitments::diff::{self, Segment};

/// Words of a commitment's text, in the municipality's language, cycled to any length.
const WORDS: &[&str] = &[
    "bashkia",
    "forumi",
    "qytetarët",
    "pjesëmarrja",
    "buxheti",
    "transparenca",
    "llogaridhënia",
    "takimet",
    "publike",
    "njësitë",
    "administrative",
    "shoqëria",
    "civile",
    "të",
    "rinjtë",
    "gratë",
    "zonat",
    "rurale",
    "mekanizmi",
    "dialogut",
    "politikave",
    "vendore",
    "zbatimi",
    "monitorimi",
    "raporti",
    "çdo",
    "gjashtë",
    "muaj",
    "këshilli",
    "bashkiak",
    "vendimet",
    "informacioni",
    "hapur",
    "e",
    "dhe",
    "për",
    "në",
    "me",
];

/// Two versions of `words` words: the second changes one word in twenty, drops one in fifty and
/// adds a sentence every two hundred, as a busy co-drafting session would.
fn versions(words: usize) -> (String, String) {
    let mut old = Vec::with_capacity(words);
    let mut new = Vec::with_capacity(words + words / 100);
    for i in 0..words {
        // A step that is prime to the list's length walks it in a varied order.
        let word = WORDS[(i * 7 + i / WORDS.len()) % WORDS.len()];
        old.push(word.to_owned());
        if i % 50 == 49 {
            continue;
        }
        if i % 20 == 3 {
            new.push(format!("{word}ve"));
        } else {
            new.push(word.to_owned());
        }
        if i % 200 == 100 {
            new.push("Forumi u mblodh sërish me përfaqësues të njësive.".to_owned());
        }
    }
    (old.join(" "), new.join(" "))
}

pub fn measure_diff(words: usize) -> anyhow::Result<()> {
    let (old, new) = versions(words);
    let mut times: Vec<Duration> = Vec::new();
    let mut changes = 0;
    for _ in 0..21 {
        let started = Instant::now();
        let segments = diff::words(&old, &new);
        times.push(started.elapsed());
        changes = segments.iter().filter(|s| !matches!(s, Segment::Same(_))).count();
        // The diff must give both texts back, or it measures nothing.
        let joined_new: String = segments
            .iter()
            .filter(|s| !matches!(s, Segment::Removed(_)))
            .map(Segment::text)
            .collect();
        anyhow::ensure!(joined_new == new, "the diff does not give the new text back");
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} and {} words, {changes} changed runs: median {:.1} ms, slowest of 21 {:.1} ms",
        old.split(' ').count(),
        new.split(' ').count(),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
    );
    Ok(())
}

"""Small, valid content inputs shared by the content and adapter tests."""

from pathlib import Path

DESC = "A plain sentence that is long enough to be a useful meta description."

BIB = """\
hayden-2021:
  type: systematic-review
  authors: Hayden JA, et al.
  title: Exercise therapy for chronic low back pain
  container: Cochrane Database of Systematic Reviews
  year: 2021
  doi: 10.1002/14651858.CD009790.pub2
laird-2014:
  type: systematic-review
  authors: Laird RA, et al.
  title: Comparing lumbo-pelvic kinematics
  container: BMC Musculoskeletal Disorders
  year: 2014
  pmid: 25236443
"""

# The project's own vocabulary: approach facts in the samples must use its words.
FACT_WORDS = (Path(__file__).resolve().parents[2] / "content/_data/facts.yml").read_text(
    encoding="utf-8"
)

# A valid ``facts:`` block for a sample approach page (front matter lines).
FACTS = (
    "facts:\n  direction: may-help\n  effect: none\n  try_for: 6 weeks\n"
    "  time_per_week: two classes\n  effort: medium\n  cost: medium\n  where: [class]\n"
    "  hands_on: false\n  downsides: Sore muscles for a day.\n  serious: None known.\n"
)

# The "keep riding and wait" page every site with approaches has.
WAIT = (
    f"---\ntitle: Keep riding and wait\ndescription: {DESC}\nreviewed: 2026-11-01\n"
    "clinical_review: pending\nsources: [hayden-2021, laird-2014]\nevidence: low\n"
    "evidence_for: pain over time, 12 months\ntags: [waiting]\n"
    + FACTS.replace("may-help", "natural-course").replace("[class]", "[home, bike]")
    + "---\n# Keep riding and wait\n\n**Certainty: low.** Text.\n"
)

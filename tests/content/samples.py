"""Small, valid content inputs shared by the content and adapter tests."""

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

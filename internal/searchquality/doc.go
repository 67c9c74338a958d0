// Package searchquality measures search over the real dataset, as analysts type: a table
// of queries each with the node expected in the top three, the examples of issue 21 that
// must come first, and recall over every name and alias (with "LSG" written for "Leading
// Small Group" and back). The tests run on the in-process store and, when NEO4J_URI is
// set, on Neo4j (TestLive…); BenchmarkSearch measures latency on the in-process store.
package searchquality

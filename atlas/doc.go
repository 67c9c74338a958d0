// Package atlas is the domain of LSG Atlas: the entities and relationships of China's
// leading small groups, the partial dates and "as of" rules that say when a fact holds,
// the Store port every storage backend implements, and the error codes every transport
// translates. It imports only the standard library so that the rules live in one place
// and every adapter (GraphQL, Neo4j, in-process) depends on it, never the other way.
package atlas

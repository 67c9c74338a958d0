package inprocess

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"lsgatlas/atlas"
)

// The data folder holds one bbolt file. bbolt commits each write transaction with
// fsync, so a commit the store has acknowledged survives the process being killed.
const dataFile = "atlas.db"

var (
	bucketNodes     = []byte("nodes")     // node id → {"kind", "record"} in the dataset format
	bucketRelations = []byte("relations") // relation id → the relation in the dataset format
	bucketVersions  = []byte("versions")  // record key → accepted changes that touched it (decimal)
	bucketProposals = []byte("proposals") // proposal id → proposal
	bucketAudit     = []byte("audit")     // revision (8 bytes, big endian) → audit entry: the log in order
	bucketMeta      = []byte("meta")      // "revision" → decimal
	allBuckets      = [][]byte{bucketNodes, bucketRelations, bucketVersions, bucketProposals, bucketAudit, bucketMeta}
)

type storedNode struct {
	Kind   atlas.NodeKind  `json:"kind"`
	Record json.RawMessage `json:"record"`
}

// Open returns a store that keeps its data in dir (created if need be): the graph,
// the proposals and the audit log are read back from it at start, and every import and
// commit is written to it before it is acknowledged. Only one process may open a data
// folder at a time; a second one fails after a few seconds.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("inprocess: data folder: %w", err)
	}
	path := filepath.Join(dir, dataFile)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 3 * time.Second})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("inprocess: data folder %s is in use by another process", dir)
	}
	if err != nil {
		return nil, fmt.Errorf("inprocess: open %s: %w", path, err)
	}
	s := New()
	s.db = db
	if err := s.readDisk(); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("inprocess: read %s: %w", path, err)
	}
	return s, nil
}

// readDisk loads what the data folder holds into memory.
func (s *Store) readDisk() error {
	ds := &atlas.Dataset{}
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketNodes).ForEach(func(k, v []byte) error {
			var sn storedNode
			if err := json.Unmarshal(v, &sn); err != nil {
				return fmt.Errorf("node %s: %w", k, err)
			}
			n, err := atlas.DecodeNode(sn.Record)
			if err != nil {
				return fmt.Errorf("node %s: %w", k, err)
			}
			ds.Add(n)
			return nil
		}); err != nil {
			return err
		}
		if err := tx.Bucket(bucketRelations).ForEach(func(k, v []byte) error {
			r := &atlas.Relation{}
			if err := json.Unmarshal(v, r); err != nil {
				return fmt.Errorf("relation %s: %w", k, err)
			}
			ds.Relations = append(ds.Relations, r)
			return nil
		}); err != nil {
			return err
		}
		if err := tx.Bucket(bucketVersions).ForEach(func(k, v []byte) error {
			n, err := strconv.ParseInt(string(v), 10, 64)
			s.cur.changes[string(k)] = n
			return err
		}); err != nil {
			return err
		}
		if err := tx.Bucket(bucketProposals).ForEach(func(k, v []byte) error {
			var p atlas.Proposal
			if err := json.Unmarshal(v, &p); err != nil {
				return err
			}
			s.cur.proposals[string(k)] = p
			return nil
		}); err != nil {
			return err
		}
		if err := tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
			var e atlas.AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			s.cur.audit = append(s.cur.audit, e)
			return nil
		}); err != nil {
			return err
		}
		if v := tx.Bucket(bucketMeta).Get([]byte("revision")); v != nil {
			rev, err := strconv.ParseInt(string(v), 10, 64)
			if err != nil {
				return err
			}
			s.revision = rev
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.load(ds.Prepared())
	s.reindexText()
	return nil
}

// persistImport replaces the graph on disk by the prepared dataset, with the new
// revision, in one transaction. Memory-only stores write nothing.
func (s *Store) persistImport(ds *atlas.Dataset, revision int64) error {
	if s.db == nil {
		return nil
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketNodes, bucketRelations} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		for _, n := range ds.Nodes() {
			if err := putNode(tx, n); err != nil {
				return err
			}
		}
		for _, r := range ds.Relations {
			if err := putRelation(tx, r); err != nil {
				return err
			}
		}
		return putRevision(tx, revision)
	})
}

// persistCommit writes one commit in one transaction: the records that changed, the
// version bumps, the proposal, the audit entry and the revision.
func (s *Store) persistCommit(c atlas.Commit) error {
	if s.db == nil {
		return nil
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		if d := c.Data; d != nil {
			for _, r := range d.DeleteRelations {
				if err := tx.Bucket(bucketRelations).Delete([]byte(r.ID)); err != nil {
					return err
				}
			}
			for _, id := range d.DeleteNodes {
				if err := tx.Bucket(bucketNodes).Delete([]byte(id)); err != nil {
					return err
				}
			}
			for _, n := range d.UpsertNodes {
				if err := putNode(tx, n); err != nil {
					return err
				}
			}
			for _, r := range d.UpsertRelations {
				if err := putRelation(tx, r); err != nil {
					return err
				}
			}
		}
		versions := tx.Bucket(bucketVersions)
		for _, k := range c.Bump {
			if err := versions.Put([]byte(k), []byte(strconv.FormatInt(s.cur.changes[k]+1, 10))); err != nil {
				return err
			}
		}
		if c.Proposal != nil {
			if err := putJSON(tx.Bucket(bucketProposals), []byte(c.Proposal.ID), c.Proposal); err != nil {
				return err
			}
		}
		key := binary.BigEndian.AppendUint64(nil, uint64(c.Entry.Revision))
		if tx.Bucket(bucketAudit).Get(key) != nil {
			return fmt.Errorf("audit entry %d exists already; the log is append-only", c.Entry.Revision)
		}
		if err := putJSON(tx.Bucket(bucketAudit), key, c.Entry); err != nil {
			return err
		}
		return putRevision(tx, c.Entry.Revision)
	})
}

func putNode(tx *bolt.Tx, n atlas.Node) error {
	rec, err := json.Marshal(n)
	if err != nil {
		return err
	}
	return putJSON(tx.Bucket(bucketNodes), []byte(n.NodeID()), storedNode{Kind: n.NodeKind(), Record: rec})
}

func putRelation(tx *bolt.Tx, r *atlas.Relation) error {
	return putJSON(tx.Bucket(bucketRelations), []byte(r.ID), r)
}

func putRevision(tx *bolt.Tx, rev int64) error {
	return tx.Bucket(bucketMeta).Put([]byte("revision"), []byte(strconv.FormatInt(rev, 10)))
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

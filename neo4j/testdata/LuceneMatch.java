// Runs Lucene as Neo4j's full-text indexes do (the 'whitespace' analyzer, the classic
// query parser) over documents and queries read from standard input, and prints which
// documents each query finds. neo4j/fulltext_test.go runs it to check that the terms
// Store.Search sends find exactly the candidates searchkey looks up.
//
// Input lines: "D<TAB>id<TAB>body" (body with "\n" written as the two characters \ and n)
// and "Q<TAB>query". Output lines: "query<TAB>id id …" (ids sorted), one per query, in order.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

public class LuceneMatch {
  public static void main(String[] args) throws Exception {
    Analyzer analyzer = new WhitespaceAnalyzer();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    List<String> queries = new ArrayList<>();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        String[] f = line.split("\t", -1);
        if (f[0].equals("D")) {
          Document d = new Document();
          d.add(new StoredField("id", f[1]));
          d.add(new TextField("body", f[2].replace("\\n", "\n"), Field.Store.NO));
          w.addDocument(d);
        } else {
          queries.add(f[1]);
        }
      }
    }
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      QueryParser parser = new QueryParser("body", analyzer);
      java.io.PrintStream out = new java.io.PrintStream(new java.io.BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
      for (String q : queries) {
        TreeSet<String> ids = new TreeSet<>();
        for (ScoreDoc sd : s.search(parser.parse(q), Integer.MAX_VALUE).scoreDocs) {
          ids.add(s.storedFields().document(sd.doc).get("id"));
        }
        out.append(q).append('\t').append(String.join(" ", ids)).append('\n');
      }
      out.flush();
    }
  }
}

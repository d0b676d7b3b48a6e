using System.Runtime.InteropServices;
using System.Text;
using ClinicBot.Knowledge.Articles;
using ClinicBot.Knowledge.Search;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// Passages in an FTS5 table whose columns hold space-separated stems (heading and body), ranked with BM25.
/// The heading is weighted double: a question about "side effects" should prefer the section titled so.
/// Sentence vectors sit in a plain table beside it (little-endian float32 blobs), replaced in the same transaction.
/// </summary>
public sealed class SqlitePassageIndex : IPassageIndex
{
    private readonly SqliteConnectionFactory _connections;

    /// <summary>Over a database the schema migrations have brought up to date.</summary>
    public SqlitePassageIndex(SqliteConnectionFactory connections)
    {
        _connections = connections;
    }

    /// <inheritdoc />
    public bool IsCurrent(string contentHash)
    {
        using var connection = _connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM index_meta WHERE key = 'content_hash'";
        return command.ExecuteScalar() as string == contentHash;
    }

    /// <inheritdoc />
    public void Rebuild(IEnumerable<Passage> passages, string contentHash, IReadOnlyDictionary<string, float[]> sentenceVectors)
    {
        using var connection = _connections.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM passage_fts; DELETE FROM sentence_vector;");
        InsertVectors(connection, transaction, sentenceVectors);

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO passage_fts (passage_key, heading, body) VALUES ($key, $heading, $body)";
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var heading = insert.Parameters.Add("$heading", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        foreach (var passage in passages)
        {
            key.Value = passage.Key;
            heading.Value = string.Join(' ', Knowledge.Text.TextAnalyzer.Stems(passage.Heading));
            body.Value = string.Join(' ', passage.Sentences.SelectMany(s => s.Stems));
            insert.ExecuteNonQuery();
        }

        using var meta = connection.CreateCommand();
        meta.Transaction = transaction;
        meta.CommandText = "INSERT INTO index_meta (key, value) VALUES ('content_hash', $hash) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        meta.Parameters.AddWithValue("$hash", contentHash);
        meta.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, float[]> SentenceVectors()
    {
        using var connection = _connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sentence_key, vector FROM sentence_vector";
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var bytes = (byte[])reader.GetValue(1);
            vectors[reader.GetString(0)] = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        }

        return vectors;
    }

    /// <inheritdoc />
    public IReadOnlyList<PassageHit> Search(IReadOnlyList<string[]> terms, int limit)
    {
        using var connection = _connections.Open();
        using var command = connection.CreateCommand();
        // bm25() is lower-is-better; negate it so callers see higher-is-better.
        command.CommandText = """
            SELECT passage_key, -bm25(passage_fts, 0.0, 2.0, 1.0) AS score
            FROM passage_fts WHERE passage_fts MATCH $query ORDER BY bm25(passage_fts, 0.0, 2.0, 1.0) LIMIT $limit
            """;
        command.Parameters.AddWithValue("$query", MatchExpression(terms));
        command.Parameters.AddWithValue("$limit", limit);

        var hits = new List<PassageHit>(limit);
        using var reader = command.ExecuteReader();
        while (reader.Read()) hits.Add(new PassageHit(reader.GetString(0), reader.GetDouble(1)));
        return hits;
    }

    // Each stem sequence becomes a quoted FTS5 phrase; stems are [a-z0-9] only, so quoting is all the escaping needed.
    private static string MatchExpression(IReadOnlyList<string[]> terms)
    {
        var builder = new StringBuilder();
        foreach (var phrase in terms.Select(t => string.Join(' ', t)).Distinct(StringComparer.Ordinal))
        {
            if (builder.Length > 0) builder.Append(" OR ");
            builder.Append('"').Append(phrase.Replace("\"", "", StringComparison.Ordinal)).Append('"');
        }

        return builder.ToString();
    }

    private static void InsertVectors(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyDictionary<string, float[]> vectors)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO sentence_vector (sentence_key, vector) VALUES ($key, $vector)";
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var vector = insert.Parameters.Add("$vector", SqliteType.Blob);
        foreach (var (sentenceKey, values) in vectors)
        {
            key.Value = sentenceKey;
            vector.Value = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
            insert.ExecuteNonQuery();
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using System.Data.Common;
using System.Security.Cryptography;

namespace ClinicBot.Storage.Privacy;

/// <summary>
/// <c>clinicbot rotate-key</c>'s work, the same on both providers: every value of every <see cref="ProtectedColumn"/>
/// not under the current key (one under a previous key, or legacy clear text) is read and written again under it, a
/// page of rows at a time, each row only if no one changed it meanwhile. A value no configured key reads is counted and
/// left as it is. SQLite then compacts the file, so the values replaced don't linger in free pages.
/// </summary>
public sealed class PatientTextRotation
{
    private const int PageSize = 500;

    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly PatientTextCipher _cipher;
    private readonly string? _compact;

    /// <param name="open">Opens a connection to the database.</param>
    /// <param name="cipher">The keys.</param>
    /// <param name="compact">SQL run after values were rewritten (SQLite: VACUUM), or null.</param>
    public PatientTextRotation(Func<CancellationToken, Task<DbConnection>> open, PatientTextCipher cipher, string? compact)
    {
        _open = open;
        _cipher = cipher;
        _compact = compact;
    }

    /// <summary>The key every row ends under.</summary>
    public string CurrentKeyId => _cipher.CurrentKeyId;

    /// <summary>Rewrites every value not under the current key; returns how many were rewritten and how many no key reads.</summary>
    public async Task<RotationResult> RotateAsync(CancellationToken cancellationToken)
    {
        var rewritten = 0;
        var unreadable = 0;
        await using var connection = await _open(cancellationToken);
        foreach (var column in ProtectedColumn.All)
        {
            object[]? after = null;
            while (true)
            {
                var page = await PageAsync(connection, column, after, cancellationToken);
                foreach (var (key, value) in page)
                {
                    string text;
                    try
                    {
                        text = _cipher.Reveal(value, column);
                    }
                    catch (CryptographicException)
                    {
                        unreadable++;
                        continue;
                    }

                    rewritten += await RewriteAsync(connection, column, key, value, _cipher.Protect(text, column), cancellationToken);
                }

                if (page.Count < PageSize) break;
                after = page[^1].Key;
            }
        }

        if (rewritten > 0 && _compact is not null)
        {
            await using var compact = connection.CreateCommand();
            compact.CommandText = _compact;
            await compact.ExecuteNonQueryAsync(cancellationToken);
        }

        return new RotationResult(rewritten, unreadable);
    }

    private async Task<List<(object[] Key, string Value)>> PageAsync(DbConnection connection, ProtectedColumn column, object[]? after, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var keys = string.Join(", ", column.Key);
        var sql = $"SELECT {keys}, {column.Column} FROM {column.Table} WHERE {column.Column} NOT LIKE @prefix";
        DbParameters.Add(command, "prefix", _cipher.CurrentPrefix + "%");
        if (after is not null)
        {
            sql += $" AND ({keys}) > ({string.Join(", ", column.Key.Select((_, i) => "@after" + i))})";
            for (var i = 0; i < after.Length; i++) DbParameters.Add(command, "after" + i, after[i]);
        }

        command.CommandText = sql + $" ORDER BY {keys} LIMIT {PageSize}";
        var rows = new List<(object[], string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new object[column.Key.Length];
            for (var i = 0; i < key.Length; i++) key[i] = reader.GetValue(i);
            rows.Add((key, reader.GetString(key.Length)));
        }

        return rows;
    }

    private static async Task<int> RewriteAsync(DbConnection connection, ProtectedColumn column, object[] key, string old, string value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var where = string.Join(" AND ", column.Key.Select((name, i) => $"{name} = @key{i}"));
        command.CommandText = $"UPDATE {column.Table} SET {column.Column} = @value WHERE {where} AND {column.Column} = @old";
        for (var i = 0; i < key.Length; i++) DbParameters.Add(command, "key" + i, key[i]);
        DbParameters.Add(command, "value", value);
        DbParameters.Add(command, "old", old);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Globalization;
using System.Text.Json;
using Chukei.Contracts.Json;
using Chukei.Contracts.Wire;
using Microsoft.Data.Sqlite;

namespace Chukei.Relay.Store;

/// <summary>
/// The default store: one SQLite file (WAL, synchronous=FULL so an acknowledged write is on disk), or an in-memory
/// database for tests. One connection behind a lock: SQLite serialises writers anyway, and this keeps every call a
/// single transaction.
/// </summary>
public sealed class SqliteRelayStore : IRelayStore
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();

    // Prepared once per SQL text: compiling a statement costs more than running it, and provisioning runs millions.
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _bulk;

    private SqliteRelayStore(string connectionString, bool file, bool scratch = false)
    {
        _db = new SqliteConnection(connectionString);
        _db.Open();
        // Scratch: the file is this process's alone, so it takes the lock once instead of per statement (locking and
        // journal checks were a third of a generated year's run); cache_size in KiB when negative: 32 MiB.
        if (scratch) Execute("PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-32768;");
        else if (file) Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS people (person_id TEXT PRIMARY KEY, basic_pension_number TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS enrolments (
              id INTEGER PRIMARY KEY AUTOINCREMENT, person_id TEXT NOT NULL, kind TEXT NOT NULL,
              insurer_number TEXT NOT NULL, party_id TEXT NOT NULL, symbol TEXT, number TEXT NOT NULL, branch TEXT,
              effective_from TEXT NOT NULL, effective_to TEXT, registered_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS access_log (
              seq INTEGER PRIMARY KEY, entry_id TEXT NOT NULL UNIQUE, person_id TEXT, related_entry_id TEXT,
              source_key TEXT UNIQUE, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS access_log_person ON access_log(person_id);
            CREATE INDEX IF NOT EXISTS access_log_related ON access_log(related_entry_id);
            CREATE TABLE IF NOT EXISTS checkpoints (seq INTEGER PRIMARY KEY, token TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS residences (person_id TEXT PRIMARY KEY, nhi_party TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS fall_through_notices (person_id TEXT NOT NULL, uninsured_since TEXT NOT NULL, notified_at TEXT NOT NULL,
              PRIMARY KEY (person_id, uninsured_since));
            CREATE TABLE IF NOT EXISTS retroactive_notices (id INTEGER PRIMARY KEY AUTOINCREMENT, provider TEXT NOT NULL, notice_id TEXT NOT NULL,
              requester TEXT NOT NULL, log_entry_id TEXT NOT NULL UNIQUE, acknowledged INTEGER NOT NULL DEFAULT 0, json TEXT NOT NULL,
              UNIQUE (provider, notice_id));
            CREATE INDEX IF NOT EXISTS retroactive_notices_pending ON retroactive_notices(requester, acknowledged, id);
            """);
        CreateLoadIndexes();
    }

    /// <summary>
    /// The indexes over the tables a bulk load fills. <see cref="Bulk"/> builds them after loading an empty store:
    /// one sort per index instead of millions of random B-tree inserts, most of provisioning's time at a million people.
    /// </summary>
    private static readonly (string Name, string Definition)[] LoadIndexes =
    [
        ("people_bpn", "people(basic_pension_number)"),
        ("enrolments_number", "enrolments(kind, insurer_number, number)"),
        ("enrolments_person", "enrolments(person_id)"),
        ("enrolments_ended", "enrolments(effective_to) WHERE effective_to IS NOT NULL"),
        ("enrolments_ended_registered", "enrolments(registered_at) WHERE effective_to IS NOT NULL"),
    ];

    private void CreateLoadIndexes()
    {
        foreach (var (name, definition) in LoadIndexes) Execute($"CREATE INDEX IF NOT EXISTS {name} ON {definition}");
    }

    /// <summary>Opens (creating if needed) the store in a file.</summary>
    public static SqliteRelayStore OpenFile(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString(), file: true);

    /// <summary>
    /// A store in a file that is thrown away after the run (the default of <c>chukei run</c>): no fsync and the
    /// rollback journal in memory, since nothing needs to survive a crash; an exclusive lock; a 32 MiB page cache, so a population of
    /// millions lives in the file (and the OS's cache), not in the process.
    /// </summary>
    public static SqliteRelayStore OpenScratch(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString(), file: true, scratch: true);

    /// <summary>A private in-memory store; gone when disposed.</summary>
    public static SqliteRelayStore InMemory() => new("Data Source=:memory:", file: false);

    public void AddPerson(string personId, string basicPensionNumber) =>
        Write("INSERT INTO people(person_id, basic_pension_number) VALUES ($p, $b)", ("$p", personId), ("$b", basicPensionNumber));

    public IReadOnlyList<string> FindPeopleByPensionNumber(string basicPensionNumber) =>
        Query("SELECT person_id FROM people WHERE basic_pension_number = $b", r => r.GetString(0), ("$b", basicPensionNumber));

    public bool PersonExists(string personId) =>
        Query("SELECT 1 FROM people WHERE person_id = $p", r => true, ("$p", personId)).Count > 0;

    public void AddEnrolment(RelayEnrolment enrolment) => Write("""
        INSERT INTO enrolments(person_id, kind, insurer_number, party_id, symbol, number, branch, effective_from, effective_to, registered_at)
        VALUES ($p, $k, $i, $party, $s, $n, $b, $from, $to, $reg)
        """, ("$p", enrolment.PersonId), ("$k", Kind(enrolment.Kind)), ("$i", enrolment.InsurerNumber), ("$party", enrolment.PartyId), ("$s", enrolment.Symbol), ("$n", enrolment.Number),
        ("$b", enrolment.Branch), ("$from", Date(enrolment.EffectiveFrom)), ("$to", enrolment.EffectiveTo is { } t ? Date(t) : null), ("$reg", Time(enrolment.RegisteredAt)));

    public bool CloseEnrolment(string personId, string insurerNumber, string number, DateOnly effectiveTo, DateTimeOffset registeredAt)
    {
        lock (_gate)
        {
            var cmd = Command("""
                UPDATE enrolments SET effective_to = $to, registered_at = $reg
                WHERE id = (SELECT id FROM enrolments WHERE person_id = $p AND insurer_number = $i AND number = $n AND effective_to IS NULL ORDER BY id DESC LIMIT 1)
                """, ("$to", Date(effectiveTo)), ("$reg", Time(registeredAt)), ("$p", personId), ("$i", insurerNumber), ("$n", number));
            return cmd.ExecuteNonQuery() == 1;
        }
    }

    public IReadOnlyList<RelayEnrolment> FindEnrolmentsByNumber(InsuranceKind kind, string insurerNumber, string number) =>
        Query(EnrolmentSelect + " WHERE kind = $k AND insurer_number = $i AND number = $n ORDER BY id", ReadEnrolment,
            ("$k", Kind(kind)), ("$i", insurerNumber), ("$n", number));

    public IReadOnlyList<RelayEnrolment> EnrolmentsOf(string personId) =>
        Query(EnrolmentSelect + " WHERE person_id = $p ORDER BY id", ReadEnrolment, ("$p", personId));

    public (long Seq, string Hash) LogHead()
    {
        var last = Query("SELECT json FROM access_log ORDER BY seq DESC LIMIT 1", r => Entry(r.GetString(0)));
        return last.Count == 0 ? (0, AccessLogHash.Genesis) : (last[0].Seq, last[0].Hash);
    }

    public void AppendLog(IReadOnlyList<AccessLogEntry> entries, IReadOnlyList<string?> sourceKeys)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                var cmd = Command("INSERT INTO access_log(seq, entry_id, person_id, related_entry_id, source_key, json) VALUES ($s, $e, $p, $r, $k, $j)",
                    ("$s", e.Seq), ("$e", e.EntryId), ("$p", e.PersonId), ("$r", e.RelatedEntryId), ("$k", sourceKeys[i]), ("$j", ProtocolJson.Serialize(e)));
                cmd.Transaction = tx;
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    public AccessLogEntry? FindLogEntry(string entryId) =>
        Query("SELECT json FROM access_log WHERE entry_id = $e", r => Entry(r.GetString(0)), ("$e", entryId)).FirstOrDefault();

    public string? FindEntryIdBySourceKey(string sourceKey) =>
        Query("SELECT entry_id FROM access_log WHERE source_key = $k", r => r.GetString(0), ("$k", sourceKey)).FirstOrDefault();

    public IReadOnlyList<AccessLogEntry> LogOf(string personId) =>
        Query("SELECT json FROM access_log WHERE person_id = $p ORDER BY seq", r => Entry(r.GetString(0)), ("$p", personId));

    public IEnumerable<AccessLogEntry> WholeLog() =>
        Query("SELECT json FROM access_log ORDER BY seq", r => Entry(r.GetString(0)));

    public bool HasEntryRelatedTo(string entryId) =>
        Query("SELECT 1 FROM access_log WHERE related_entry_id = $e LIMIT 1", r => true, ("$e", entryId)).Count > 0;

    public IReadOnlyList<AccessLogEntry> EntriesRelatedTo(string entryId) =>
        Query("SELECT json FROM access_log WHERE related_entry_id = $e ORDER BY seq", r => Entry(r.GetString(0)), ("$e", entryId));

    public void SetResidence(string personId, string nhiPartyId) =>
        Write("INSERT OR REPLACE INTO residences(person_id, nhi_party) VALUES ($p, $n)", ("$p", personId), ("$n", nhiPartyId));

    public void RemoveResidence(string personId) =>
        Write("DELETE FROM residences WHERE person_id = $p", ("$p", personId));

    public string? ResidenceOf(string personId) =>
        Query("SELECT nhi_party FROM residences WHERE person_id = $p", r => r.GetString(0), ("$p", personId)).FirstOrDefault();

    public IReadOnlyList<(string PersonId, string NhiPartyId)> Residents() =>
        Query("SELECT person_id, nhi_party FROM residences ORDER BY person_id", r => (r.GetString(0), r.GetString(1)));

    public string? BasicPensionNumberOf(string personId) =>
        Query("SELECT basic_pension_number FROM people WHERE person_id = $p", r => r.GetString(0), ("$p", personId)).FirstOrDefault();

    public bool TryRecordFallThroughNotice(string personId, DateOnly uninsuredSince, DateTimeOffset notifiedAt)
    {
        lock (_gate)
        {
            var cmd = Command("INSERT OR IGNORE INTO fall_through_notices(person_id, uninsured_since, notified_at) VALUES ($p, $s, $n)",
                ("$p", personId), ("$s", Date(uninsuredSince)), ("$n", Time(notifiedAt)));
            return cmd.ExecuteNonQuery() == 1;
        }
    }

    public void ForgetFallThroughNotice(string personId, DateOnly uninsuredSince) =>
        Write("DELETE FROM fall_through_notices WHERE person_id = $p AND uninsured_since = $s", ("$p", personId), ("$s", Date(uninsuredSince)));

    public bool TryKeepRetroactiveNotice(DeliveredRetroactiveNotice notice)
    {
        lock (_gate)
        {
            var cmd = Command("INSERT OR IGNORE INTO retroactive_notices(provider, notice_id, requester, log_entry_id, json) VALUES ($p, $n, $r, $l, $j)",
                ("$p", notice.Provider), ("$n", notice.Notice.NoticeId), ("$r", notice.Notice.Requester), ("$l", notice.LogEntryId), ("$j", ProtocolJson.Serialize(notice)));
            return cmd.ExecuteNonQuery() == 1;
        }
    }

    public DeliveredRetroactiveNotice? FindRetroactiveNotice(string provider, string noticeId) =>
        Query("SELECT json FROM retroactive_notices WHERE provider = $p AND notice_id = $n", r => Notice(r.GetString(0)), ("$p", provider), ("$n", noticeId)).FirstOrDefault();

    public IReadOnlyList<DeliveredRetroactiveNotice> PendingRetroactiveNotices(string requester, int limit) =>
        Query("SELECT json FROM retroactive_notices WHERE requester = $r AND acknowledged = 0 ORDER BY id LIMIT $limit", r => Notice(r.GetString(0)),
            ("$r", requester), ("$limit", limit));

    public void AcknowledgeRetroactiveNotices(string requester, IReadOnlyList<string> logEntryIds)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            foreach (var id in logEntryIds)
            {
                var cmd = Command("UPDATE retroactive_notices SET acknowledged = 1 WHERE requester = $r AND log_entry_id = $l", ("$r", requester), ("$l", id));
                cmd.Transaction = tx;
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    private static DeliveredRetroactiveNotice Notice(string json) => JsonSerializer.Deserialize<DeliveredRetroactiveNotice>(json, ProtocolJson.Options)!;

    public IReadOnlyList<string> MedicalEndingsBetween(DateOnly endedOnOrBefore, DateOnly? endedAfter, DateTimeOffset? registeredAfter)
    {
        if (endedAfter is null && registeredAfter is null)
            return Query("SELECT DISTINCT person_id FROM enrolments INDEXED BY enrolments_ended WHERE kind = 'medical' AND effective_to <= $to ORDER BY person_id",
                r => r.GetString(0), ("$to", Date(endedOnOrBefore)));
        // INDEXED BY: without statistics SQLite would pick the (kind, …) index and read every medical enrolment daily.
        return Query("""
            SELECT person_id FROM enrolments INDEXED BY enrolments_ended WHERE kind = 'medical' AND effective_to <= $to AND effective_to > $after
            UNION
            SELECT person_id FROM enrolments INDEXED BY enrolments_ended_registered
              WHERE kind = 'medical' AND registered_at > $reg AND effective_to IS NOT NULL AND effective_to <= $to
            ORDER BY person_id
            """, r => r.GetString(0), ("$to", Date(endedOnOrBefore)), ("$after", endedAfter is { } a ? Date(a) : ""), ("$reg", registeredAfter is { } g ? Time(g) : "9999"));
    }

    public void Bulk(Action load)
    {
        ArgumentNullException.ThrowIfNull(load);
        lock (_gate)
        {
            _bulk = _db.BeginTransaction();
            try
            {
                // Only into an empty store: dropping the indexes of a populated one would cost a rebuild of all it holds.
                var empty = Query("SELECT NOT EXISTS (SELECT 1 FROM people) AND NOT EXISTS (SELECT 1 FROM enrolments)", r => r.GetBoolean(0))[0];
                if (empty)
                    foreach (var (name, _) in LoadIndexes) Execute($"DROP INDEX IF EXISTS {name}");
                load();
                if (empty) CreateLoadIndexes();
                _bulk.Commit();
            }
            finally
            {
                _bulk.Dispose();
                _bulk = null;
            }
        }
    }

    public void AddCheckpoint(long seq, string token) =>
        Write("INSERT OR REPLACE INTO checkpoints(seq, token) VALUES ($s, $t)", ("$s", seq), ("$t", token));

    public string? LatestCheckpoint() =>
        Query("SELECT token FROM checkpoints ORDER BY seq DESC LIMIT 1", r => r.GetString(0)).FirstOrDefault();

    /// <summary>Raw SQL for tests that must tamper with the stored log.</summary>
    public int ExecuteRaw(string sql)
    {
        lock (_gate)
        {
            var cmd = Command(sql);
            return cmd.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        foreach (var cmd in _commands.Values) cmd.Dispose();
        _db.Dispose();
    }

    private const string EnrolmentSelect =
        "SELECT person_id, kind, insurer_number, party_id, symbol, number, branch, effective_from, effective_to, registered_at FROM enrolments";

    private static RelayEnrolment ReadEnrolment(SqliteDataReader r) => new()
    {
        PersonId = r.GetString(0),
        Kind = r.GetString(1) == "medical" ? InsuranceKind.Medical : InsuranceKind.Ltc,
        InsurerNumber = r.GetString(2),
        PartyId = r.GetString(3),
        Symbol = r.IsDBNull(4) ? null : r.GetString(4),
        Number = r.GetString(5),
        Branch = r.IsDBNull(6) ? null : r.GetString(6),
        EffectiveFrom = DateOnly.ParseExact(r.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        EffectiveTo = r.IsDBNull(8) ? null : DateOnly.ParseExact(r.GetString(8), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        RegisteredAt = DateTimeOffset.Parse(r.GetString(9), CultureInfo.InvariantCulture),
    };

    private static AccessLogEntry Entry(string json) => JsonSerializer.Deserialize<AccessLogEntry>(json, ProtocolJson.Options)!;

    private static string Kind(InsuranceKind k) => k == InsuranceKind.Medical ? "medical" : "ltc";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset t) => t.ToString("O", CultureInfo.InvariantCulture);

    private void Execute(string sql)
    {
        var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    private void Write(string sql, params (string Name, object? Value)[] args)
    {
        lock (_gate)
        {
            var cmd = Command(sql, args);
            cmd.ExecuteNonQuery();
        }
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] args)
    {
        lock (_gate)
        {
            var cmd = Command(sql, args);
            using var r = cmd.ExecuteReader();
            var list = new List<T>();
            while (r.Read()) list.Add(read(r));
            return list;
        }
    }

    /// <summary>The prepared command for <paramref name="sql"/>, bound to these arguments; owned by the store, callers do not dispose it.</summary>
    private SqliteCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            _commands[sql] = cmd;
        }
        cmd.Transaction = _bulk;
        // Same SQL, same parameter names: rebind the values rather than allocate new parameters.
        if (cmd.Parameters.Count != args.Length)
        {
            cmd.Parameters.Clear();
            foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            return cmd;
        }
        for (var i = 0; i < args.Length; i++) cmd.Parameters[i].Value = args[i].Value ?? DBNull.Value;
        return cmd;
    }
}

namespace ClinicBot.Knowledge.Search;

/// <summary>A passage found by the index, with its BM25 relevance (higher is better).</summary>
public sealed record PassageHit(string PassageKey, double Score);

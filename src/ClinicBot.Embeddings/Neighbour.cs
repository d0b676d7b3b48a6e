namespace ClinicBot.Embeddings;

/// <summary>One of the vectors nearest a query: its index in the collection and its similarity (cosine) to the query.</summary>
public readonly record struct Neighbour(int Index, float Similarity);

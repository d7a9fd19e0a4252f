using System;
using System.Collections.Generic;

namespace Cybrid.Analyzers.Benchmarks.Corpus
{
    /// <summary>
    /// Plain business code that never touches HTTP: entities, enums and records, calculations with LINQ and
    /// switch expressions, in-memory repositories, mapping and validation, report builders.
    /// </summary>
    internal static class BusinessTemplates
    {
        public static string Header(CodeWriter w, string ns, bool fileScoped, params string[] usings)
        {
            foreach (var u in usings)
            {
                w.Line("using " + u + ";");
            }

            w.Line();
            if (fileScoped)
            {
                w.Line("namespace " + ns + ";");
                w.Line();
                return string.Empty;
            }

            w.Open("namespace " + ns);
            return "}";
        }

        public static void Footer(CodeWriter w, string closing)
        {
            if (closing.Length > 0)
            {
                w.Close();
            }
        }

        public static string Common(Rng rng, ModuleModel m)
        {
            var w = new CodeWriter();
            var close = Header(w, m.Namespace, rng.Chance(0.9), "System", "System.Collections.Generic");
            w.Block($$"""
                /// <summary>One page of a longer result.</summary>
                public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
                {
                    public int PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

                    public bool HasNextPage => Page < PageCount;
                }

                /// <summary>A rule of the {{m.Domain}} domain was broken.</summary>
                public sealed class {{m.Domain}}Exception : Exception
                {
                    public {{m.Domain}}Exception(string message)
                        : base(message)
                    {
                    }

                    public {{m.Domain}}Exception(string message, Exception innerException)
                        : base(message, innerException)
                    {
                    }
                }

                /// <summary>Money in one currency, rounded to cents.</summary>
                public readonly record struct Money(decimal Amount, string Currency)
                {
                    public static Money Zero(string currency) => new Money(0m, currency);

                    public Money Add(Money other)
                    {
                        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
                        {
                            throw new {{m.Domain}}Exception($"Cannot add {other.Currency} to {Currency}.");
                        }

                        return new Money(Math.Round(Amount + other.Amount, 2, MidpointRounding.ToEven), Currency);
                    }

                    public override string ToString() => $"{Amount:0.00} {Currency}";
                }
                """);
            Footer(w, close);
            return w.ToString();
        }

        public static string Entity(Rng rng, ModuleModel m, EntityModel e)
        {
            var w = new CodeWriter();
            var close = Header(w, m.Namespace, rng.Chance(0.9), "System", "System.Collections.Generic", "System.Linq");
            w.Line("/// <summary>A " + e.Name.ToLowerInvariant() + " of the " + m.Domain.ToLowerInvariant() + " domain.</summary>");
            w.Open("public sealed class " + e.Name);
            w.Line("public Guid Id { get; init; } = Guid.NewGuid();");
            w.Line();
            w.Line("public string " + e.Text + " { get; set; } = string.Empty;");
            w.Line();
            w.Line("public string " + e.Code + " { get; set; } = string.Empty;");
            w.Line();
            w.Line("public decimal " + e.Amount + " { get; set; }");
            w.Line();
            w.Line("public decimal " + e.Rate + " { get; set; }");
            w.Line();
            w.Line("public int " + e.Quantity + " { get; set; }");
            w.Line();
            w.Line("public DateTime " + e.Date + " { get; set; } = DateTime.UtcNow;");
            w.Line();
            w.Line("public bool " + e.Flag + " { get; set; }");
            w.Line();
            w.Line("public " + e.Status + " Status { get; set; } = " + e.Status + ".Draft;");
            foreach (var extra in e.Extras)
            {
                w.Line();
                w.Line("public string " + extra + " { get; set; } = string.Empty;");
            }

            w.Line();
            w.Line("public List<" + e.Line + "> Lines { get; } = new List<" + e.Line + ">();");
            w.Line();
            w.Line("public decimal LinesTotal => Lines.Sum(line => line.Total);");
            w.Line();
            w.Line("public bool IsOpen => Status != " + e.Status + ".Cancelled && Status != " + e.Status + "." + e.Statuses[e.Statuses.Count - 2] + ";");
            w.Line();
            w.Block($$"""
                public void AddLine(string sku, int quantity, decimal unitPrice)
                {
                    if (string.IsNullOrWhiteSpace(sku))
                    {
                        throw new ArgumentException("A line needs a SKU.", nameof(sku));
                    }

                    if (quantity <= 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "The quantity must be positive.");
                    }

                    var existing = Lines.FindIndex(line => string.Equals(line.Sku, sku, StringComparison.OrdinalIgnoreCase));
                    if (existing >= 0)
                    {
                        Lines[existing] = Lines[existing] with { Quantity = Lines[existing].Quantity + quantity };
                        return;
                    }

                    Lines.Add(new {{e.Line}}(sku.Trim(), quantity, unitPrice));
                }

                public bool RemoveLine(string sku) => Lines.RemoveAll(line => line.Sku == sku) > 0;

                public void Cancel()
                {
                    if (Status == {{e.Status}}.Cancelled)
                    {
                        return;
                    }

                    Status = {{e.Status}}.Cancelled;
                    {{e.Flag}} = false;
                }
                """);
            if (rng.Chance(0.5))
            {
                w.Line();
                w.Block($$"""
                    public {{e.Name}} Clone() => new {{e.Name}}
                    {
                        {{e.Text}} = {{e.Text}},
                        {{e.Code}} = {{e.Code}},
                        {{e.Amount}} = {{e.Amount}},
                        {{e.Rate}} = {{e.Rate}},
                        {{e.Quantity}} = {{e.Quantity}},
                        {{e.Date}} = {{e.Date}},
                        Status = Status,
                    };
                    """);
            }

            w.Line();
            w.Line("public override string ToString() => $\"{" + e.Text + "} ({" + e.Code + "}, {Status})\";");
            w.Close();
            w.Line();
            w.Open("public enum " + e.Status);
            for (var i = 0; i < e.Statuses.Count; i++)
            {
                w.Line(e.Statuses[i] + (i == 0 ? " = 0" : string.Empty) + ",");
            }

            w.Close();
            w.Line();
            w.Block($$"""
                public sealed record {{e.Line}}(string Sku, int Quantity, decimal UnitPrice)
                {
                    public decimal Total => Quantity * UnitPrice;
                }
                """);
            Footer(w, close);
            return w.ToString();
        }

        public static string Calculator(Rng rng, ModuleModel m, EntityModel e)
        {
            var w = new CodeWriter();
            var close = Header(w, m.Namespace, rng.Chance(0.9), "System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Text");
            w.Line("/// <summary>Calculations over " + e.Plural.ToLowerInvariant() + ".</summary>");
            w.Open("public sealed class " + e.Calculator);
            w.Line("private readonly TimeProvider _time;");
            w.Line();
            w.Block($$"""
                public {{e.Calculator}}(TimeProvider? time = null)
                {
                    _time = time ?? TimeProvider.System;
                }
                """);
            // TotalOf and CountByStatus are used by the controllers; the rest is a random selection
            var methods = new List<Func<Rng, ModuleModel, EntityModel, string>> { CalculatorMethods[0], CalculatorMethods[1] };
            methods.AddRange(rng.PickDistinct(new ArraySegment<Func<Rng, ModuleModel, EntityModel, string>>(CalculatorMethods, 2, CalculatorMethods.Length - 2), rng.Between(3, 9)));
            foreach (var method in methods)
            {
                w.Line();
                w.Block(method(rng, m, e));
            }

            w.Close();
            Footer(w, close);
            return w.ToString();
        }

        private static readonly Func<Rng, ModuleModel, EntityModel, string>[] CalculatorMethods =
        {
            (rng, m, e) => $$"""
                public decimal TotalOf(IEnumerable<{{e.Name}}> items)
                    => items.Where(x => x.Status != {{e.Status}}.Cancelled).Sum(x => x.{{e.Amount}} * x.{{e.Quantity}});
                """,
            (rng, m, e) => $$"""
                public IReadOnlyDictionary<{{e.Status}}, int> CountByStatus(IEnumerable<{{e.Name}}> items)
                    => items.GroupBy(x => x.Status).ToDictionary(g => g.Key, g => g.Count());
                """,
            (rng, m, e) => $$"""
                public decimal ApplyRate({{e.Name}} {{e.Camel}}, decimal percent)
                {
                    if (percent < 0m || percent > 100m)
                    {
                        throw new ArgumentOutOfRangeException(nameof(percent), percent, "Expected a percentage between 0 and 100.");
                    }

                    var factor = 1m - (percent / 100m) - {{e.Camel}}.{{e.Rate}};
                    var result = Math.Round({{e.Camel}}.{{e.Amount}} * factor, 2, MidpointRounding.ToEven);
                    return result < 0m ? 0m : result;
                }
                """,
            (rng, m, e) =>
            {
                var cases = new List<string>();
                foreach (var s in e.Statuses)
                {
                    if (rng.Chance(0.7))
                    {
                        cases.Add("        " + e.Status + "." + s + " => \"" + s.ToLowerInvariant() + "\",");
                    }
                }

                return $$"""
                    public string Describe({{e.Name}} {{e.Camel}})
                    {
                        var state = {{e.Camel}}.Status switch
                        {
                    {{string.Join("\n", cases)}}
                            _ => "unknown",
                        };
                        return string.Create(CultureInfo.InvariantCulture, $"{{{e.Camel}}.{{e.Text}}} is {state}, {{{e.Camel}}.{{e.Amount}}:N2} over {{{e.Camel}}.{{e.Quantity}}} units");
                    }
                    """;
            },
            (rng, m, e) => $$"""
                public IReadOnlyList<{{e.Name}}> Top(IEnumerable<{{e.Name}}> items, int count = {{rng.Between(3, 25)}})
                    => items.Where(x => x.{{e.Flag}} || x.IsOpen)
                        .OrderByDescending(x => x.{{e.Amount}})
                        .ThenBy(x => x.{{e.Text}}, StringComparer.OrdinalIgnoreCase)
                        .Take(count)
                        .ToList();
                """,
            (rng, m, e) => $$"""
                public double AverageQuantity(IEnumerable<{{e.Name}}> items)
                    => items.Select(x => (double)x.{{e.Quantity}}).DefaultIfEmpty(0d).Average();
                """,
            (rng, m, e) => $$"""
                public IEnumerable<{{e.Name}}> DueWithin(IEnumerable<{{e.Name}}> items, TimeSpan window)
                {
                    var now = _time.GetUtcNow().UtcDateTime;
                    foreach (var item in items)
                    {
                        if (item.IsOpen && item.{{e.Date}} >= now && item.{{e.Date}} - now <= window)
                        {
                            yield return item;
                        }
                    }
                }
                """,
            (rng, m, e) => $$"""
                public (List<{{e.Name}}> Open, List<{{e.Name}}> Closed) Partition(IEnumerable<{{e.Name}}> items)
                {
                    var open = new List<{{e.Name}}>();
                    var closed = new List<{{e.Name}}>();
                    foreach (var item in items)
                    {
                        (item.IsOpen ? open : closed).Add(item);
                    }

                    return (open, closed);
                }
                """,
            (rng, m, e) => $$"""
                public IReadOnlyList<(string Sku, int Quantity, decimal Total)> SummarizeLines({{e.Name}} {{e.Camel}})
                    => {{e.Camel}}.Lines
                        .GroupBy(line => line.Sku, StringComparer.OrdinalIgnoreCase)
                        .Select(g => (g.Key, g.Sum(line => line.Quantity), g.Sum(line => line.Total)))
                        .OrderBy(t => t.Key, StringComparer.Ordinal)
                        .ToList();
                """,
            (rng, m, e) => $$"""
                public int[] Histogram(IEnumerable<{{e.Name}}> items, decimal bucketSize = {{rng.Pick(new[] { "100m", "250m", "1000m", "50m" })}})
                {
                    var buckets = new int[{{rng.Between(5, 12)}}];
                    foreach (var item in items)
                    {
                        var index = (int)Math.Min(buckets.Length - 1, Math.Max(0m, Math.Floor(item.{{e.Amount}} / bucketSize)));
                        buckets[index]++;
                    }

                    return buckets;
                }
                """,
            (rng, m, e) => $$"""
                public static string NormalizeCode(string? code)
                {
                    if (string.IsNullOrWhiteSpace(code))
                    {
                        return string.Empty;
                    }

                    var builder = new StringBuilder(code.Length);
                    foreach (var c in code.Trim())
                    {
                        if (char.IsLetterOrDigit(c))
                        {
                            builder.Append(char.ToUpperInvariant(c));
                        }
                        else if (c == '-' || c == '_' || c == ' ')
                        {
                            builder.Append('-');
                        }
                    }

                    return builder.ToString().Trim('-');
                }
                """,
            (rng, m, e) => $$"""
                public {{e.Name}} Merge({{e.Name}} first, {{e.Name}} second)
                {
                    ArgumentNullException.ThrowIfNull(first);
                    ArgumentNullException.ThrowIfNull(second);
                    var merged = new {{e.Name}}
                    {
                        {{e.Text}} = first.{{e.Text}}.Length >= second.{{e.Text}}.Length ? first.{{e.Text}} : second.{{e.Text}},
                        {{e.Code}} = first.{{e.Code}},
                        {{e.Amount}} = first.{{e.Amount}} + second.{{e.Amount}},
                        {{e.Quantity}} = Math.Max(first.{{e.Quantity}}, second.{{e.Quantity}}),
                        {{e.Date}} = first.{{e.Date}} < second.{{e.Date}} ? first.{{e.Date}} : second.{{e.Date}},
                        Status = first.Status,
                    };
                    foreach (var line in first.Lines.Concat(second.Lines))
                    {
                        merged.AddLine(line.Sku, line.Quantity, line.UnitPrice);
                    }

                    return merged;
                }
                """,
            (rng, m, e) => $$"""
                public static bool CanMove({{e.Status}} from, {{e.Status}} to) => (from, to) switch
                {
                    (_, {{e.Status}}.Cancelled) => from != {{e.Status}}.Cancelled,
                    ({{e.Status}}.Draft, _) => true,
                    ({{e.Status}}.Cancelled, _) => false,
                    var (a, b) when a == b => false,
                    _ => to > from,
                };
                """,
            (rng, m, e) => $$"""
                public IEnumerable<(DateTime Day, decimal RunningTotal)> RunningTotals(IEnumerable<{{e.Name}}> items)
                {
                    decimal total = 0m;
                    foreach (var day in items.GroupBy(x => x.{{e.Date}}.Date).OrderBy(g => g.Key))
                    {
                        total += day.Sum(x => x.{{e.Amount}});
                        yield return (day.Key, total);
                    }
                }
                """,
            (rng, m, e) => $$"""
                public IReadOnlyCollection<string> FindDuplicateCodes(IEnumerable<{{e.Name}}> items)
                {
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    var duplicates = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var item in items)
                    {
                        var code = NormalizeKey(item.{{e.Code}});
                        if (code.Length > 0 && !seen.Add(code))
                        {
                            duplicates.Add(code);
                        }
                    }

                    return duplicates;

                    static string NormalizeKey(string value) => value.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
                }
                """,
            (rng, m, e) => $$"""
                public Money Convert(Money amount, string targetCurrency, IReadOnlyDictionary<string, decimal> ratesToUsd)
                {
                    if (amount.Currency == targetCurrency)
                    {
                        return amount;
                    }

                    if (!ratesToUsd.TryGetValue(amount.Currency, out var from) || !ratesToUsd.TryGetValue(targetCurrency, out var to) || to == 0m)
                    {
                        throw new {{m.Domain}}Exception($"No rate for {amount.Currency} to {targetCurrency}.");
                    }

                    return new Money(Math.Round(amount.Amount * from / to, 2), targetCurrency);
                }
                """,
            (rng, m, e) => $$"""
                public string FormatForDisplay({{e.Name}} {{e.Camel}}, CultureInfo? culture = null)
                {
                    culture ??= CultureInfo.GetCultureInfo("{{rng.Pick(new[] { "en-US", "en-GB", "fr-FR", "de-DE", "ja-JP" })}}");
                    var amount = {{e.Camel}}.{{e.Amount}}.ToString("C", culture);
                    var date = {{e.Camel}}.{{e.Date}}.ToString("d", culture);
                    return string.Format(culture, "{0} - {1} - {2} ({3})", {{e.Camel}}.{{e.Text}}, amount, date, {{e.Camel}}.Status);
                }
                """,
            (rng, m, e) => $$"""
                public decimal ProjectedValue({{e.Name}} {{e.Camel}}, int periods)
                {
                    var value = {{e.Camel}}.{{e.Amount}};
                    for (var i = 0; i < periods; i++)
                    {
                        value += value * {{e.Camel}}.{{e.Rate}};
                        if (value > {{rng.Between(1, 9)}}_000_000m)
                        {
                            break;
                        }
                    }

                    return decimal.Round(value, 2);
                }
                """,
        };

        public static string Repository(Rng rng, ModuleModel m, EntityModel e)
        {
            var w = new CodeWriter();
            var close = Header(w, m.Namespace, rng.Chance(0.9), "System", "System.Collections.Concurrent", "System.Collections.Generic", "System.Linq", "System.Threading", "System.Threading.Tasks");
            w.Line("/// <summary>Keeps " + e.Plural.ToLowerInvariant() + " in memory.</summary>");
            w.Open("public sealed class " + e.Repository);
            w.Line("private readonly ConcurrentDictionary<Guid, " + e.Name + "> _items = new ConcurrentDictionary<Guid, " + e.Name + ">();");
            w.Line();
            w.Block($$"""
                public int Count => _items.Count;

                public Task<{{e.Name}}?> FindAsync(Guid id, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return Task.FromResult(_items.TryGetValue(id, out var item) ? item : null);
                }

                public Task AddAsync({{e.Name}} item, CancellationToken cancellationToken = default)
                {
                    ArgumentNullException.ThrowIfNull(item);
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!_items.TryAdd(item.Id, item))
                    {
                        throw new {{m.Domain}}Exception($"{{e.Name}} {item.Id} already exists.");
                    }

                    return Task.CompletedTask;
                }

                public bool Remove(Guid id) => _items.TryRemove(id, out _);
                """);
            // Search and ArchiveOlderThanAsync are used by controllers and workers; the rest is a random selection
            var extras = new List<Func<Rng, ModuleModel, EntityModel, string>> { RepositorySearch, RepositoryArchive };
            extras.AddRange(rng.PickDistinct(RepositoryMethods, rng.Between(1, 4)));
            foreach (var method in extras)
            {
                w.Line();
                w.Block(method(rng, m, e));
            }

            w.Close();
            Footer(w, close);
            return w.ToString();
        }

        private static readonly Func<Rng, ModuleModel, EntityModel, string> RepositorySearch =
            (rng, m, e) => $$"""
                public IReadOnlyList<{{e.Name}}> Search(string text)
                {
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        return Array.Empty<{{e.Name}}>();
                    }

                    return _items.Values
                        .Where(x => x.{{e.Text}}.Contains(text, StringComparison.OrdinalIgnoreCase)
                                    || x.{{e.Code}}.StartsWith(text, StringComparison.OrdinalIgnoreCase))
                        .OrderBy(x => x.{{e.Text}}, StringComparer.CurrentCultureIgnoreCase)
                        .ToList();
                }
                """;

        private static readonly Func<Rng, ModuleModel, EntityModel, string> RepositoryArchive =
            (rng, m, e) => $$"""
                public async Task<int> ArchiveOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken = default)
                {
                    var count = 0;
                    foreach (var item in _items.Values)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (item.{{e.Date}} < cutoff && item.Status != {{e.Status}}.Cancelled)
                        {
                            item.Cancel();
                            count++;
                        }

                        if (count % 100 == 99)
                        {
                            await Task.Yield();
                        }
                    }

                    return count;
                }
                """;

        private static readonly Func<Rng, ModuleModel, EntityModel, string>[] RepositoryMethods =
        {
            (rng, m, e) => $$"""
                public PagedResult<{{e.Name}}> Page(int page, int pageSize)
                {
                    if (page < 1)
                    {
                        page = 1;
                    }

                    pageSize = Math.Clamp(pageSize, 1, {{rng.Pick(new[] { 50, 100, 200 })}});
                    var ordered = _items.Values.OrderByDescending(x => x.{{e.Date}}).ThenBy(x => x.Id).ToList();
                    var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
                    return new PagedResult<{{e.Name}}>(items, page, pageSize, ordered.Count);
                }
                """,
            (rng, m, e) => $$"""
                public IReadOnlyList<{{e.Name}}> ListBy({{e.Status}} status)
                    => _items.Values.Where(x => x.Status == status).OrderBy(x => x.{{e.Date}}).ToList();
                """,
            (rng, m, e) => $$"""
                public bool TryUpdate(Guid id, Action<{{e.Name}}> update)
                {
                    if (!_items.TryGetValue(id, out var item))
                    {
                        return false;
                    }

                    lock (item)
                    {
                        update(item);
                    }

                    return true;
                }
                """,
            (rng, m, e) => $$"""
                public ILookup<string, {{e.Name}}> ByCode()
                    => _items.Values.ToLookup(x => x.{{e.Code}}, StringComparer.OrdinalIgnoreCase);
                """,
            (rng, m, e) => $$"""
                public IEnumerable<{{e.Name}}> Snapshot()
                {
                    var snapshot = _items.ToArray();
                    Array.Sort(snapshot, (a, b) => a.Value.{{e.Amount}}.CompareTo(b.Value.{{e.Amount}}));
                    foreach (var pair in snapshot)
                    {
                        yield return pair.Value;
                    }
                }
                """,
        };

        public static string Mapping(Rng rng, ModuleModel m, EntityModel e)
        {
            var w = new CodeWriter();
            var usings = new List<string> { "System", "System.Collections.Generic", "System.Linq" };
            var email = e.Extras.Contains("Email");
            if (email)
            {
                usings.Add("System.Text.RegularExpressions");
            }

            var close = Header(w, m.Namespace, rng.Chance(0.9), usings.ToArray());
            w.Block($$"""
                /// <summary>What the API shows of a {{e.Name.ToLowerInvariant()}}.</summary>
                public sealed record {{e.Dto}}(Guid Id, string {{e.Text}}, string {{e.Code}}, decimal {{e.Amount}}, int {{e.Quantity}}, DateTime {{e.Date}}, string Status);

                public static class {{e.Name}}Mapping
                {
                    public static {{e.Dto}} ToDto(this {{e.Name}} {{e.Camel}})
                        => new {{e.Dto}}({{e.Camel}}.Id, {{e.Camel}}.{{e.Text}}, {{e.Camel}}.{{e.Code}}, {{e.Camel}}.{{e.Amount}}, {{e.Camel}}.{{e.Quantity}}, {{e.Camel}}.{{e.Date}}, {{e.Camel}}.Status.ToString());

                    public static {{e.Name}} ToEntity(this {{e.Dto}} dto)
                    {
                        var status = Enum.TryParse<{{e.Status}}>(dto.Status, ignoreCase: true, out var parsed) ? parsed : {{e.Status}}.Draft;
                        return new {{e.Name}}
                        {
                            Id = dto.Id == Guid.Empty ? Guid.NewGuid() : dto.Id,
                            {{e.Text}} = dto.{{e.Text}}.Trim(),
                            {{e.Code}} = dto.{{e.Code}},
                            {{e.Amount}} = dto.{{e.Amount}},
                            {{e.Quantity}} = dto.{{e.Quantity}},
                            {{e.Date}} = dto.{{e.Date}},
                            Status = status,
                        };
                    }

                    public static IReadOnlyList<{{e.Dto}}> ToDtos(this IEnumerable<{{e.Name}}> items) => items.Select(ToDto).ToList();
                }

                public sealed class {{e.Validator}}
                {
                    private const int MaxLength = {{rng.Pick(new[] { 80, 120, 200, 256 })}};

                    public IReadOnlyList<string> Validate({{e.Dto}} dto)
                    {
                        var errors = new List<string>();
                        if (string.IsNullOrWhiteSpace(dto.{{e.Text}}))
                        {
                            errors.Add("{{e.Text}} is required.");
                        }
                        else if (dto.{{e.Text}}.Length > MaxLength)
                        {
                            errors.Add($"{{e.Text}} must be at most {MaxLength} characters.");
                        }

                        if (dto.{{e.Amount}} < 0m)
                        {
                            errors.Add("{{e.Amount}} must not be negative.");
                        }

                        if (dto.{{e.Quantity}} < 0 || dto.{{e.Quantity}} > {{rng.Pick(new[] { 1000, 10000, 99999 })}})
                        {
                            errors.Add("{{e.Quantity}} is out of range.");
                        }

                        if (!Enum.TryParse<{{e.Status}}>(dto.Status, ignoreCase: true, out _))
                        {
                            errors.Add($"Unknown status '{dto.Status}'.");
                        }

                        return errors;
                    }
                """);
            if (email)
            {
                w.Block("""

                        private static readonly Regex EmailPattern = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

                        public static bool IsEmail(string? value) => value is not null && EmailPattern.IsMatch(value);
                    """);
            }

            w.Line("}");
            Footer(w, close);
            return w.ToString();
        }

        public static string Report(Rng rng, ModuleModel m, EntityModel e)
        {
            var w = new CodeWriter();
            var xml = rng.Chance(0.25);
            var usings = new List<string> { "System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Text" };
            if (xml)
            {
                usings.Add("System.Xml.Linq");
            }

            var close = Header(w, m.Namespace, rng.Chance(0.9), usings.ToArray());
            w.Line("/// <summary>Exports " + e.Plural.ToLowerInvariant() + " for finance and operations.</summary>");
            w.Open("public sealed class " + e.Name + "ReportBuilder");

            // a link printed in the report footer: https, rarely an old intranet http:// address (a real-world finding)
            var docsUrl = rng.Chance(0.04)
                ? "http://intranet." + m.Folder.ToLowerInvariant() + ".local/reports/" + e.Route
                : "https://docs." + m.Folder.ToLowerInvariant() + ".example.com/reports/" + e.Route;
            w.Line("public const string HelpUrl = \"" + docsUrl + "\";");
            w.Line();
            w.Block($$"""
                private static readonly string[] Columns = { "Id", "{{e.Text}}", "{{e.Code}}", "{{e.Amount}}", "{{e.Quantity}}", "Status" };

                public string ToCsv(IEnumerable<{{e.Name}}> items)
                {
                    var builder = new StringBuilder();
                    builder.AppendLine(string.Join(",", Columns));
                    foreach (var item in items)
                    {
                        builder.Append(item.Id.ToString("D")).Append(',')
                            .Append(Escape(item.{{e.Text}})).Append(',')
                            .Append(Escape(item.{{e.Code}})).Append(',')
                            .Append(item.{{e.Amount}}.ToString(CultureInfo.InvariantCulture)).Append(',')
                            .Append(item.{{e.Quantity}}.ToString(CultureInfo.InvariantCulture)).Append(',')
                            .Append(item.Status)
                            .AppendLine();
                    }

                    return builder.ToString();
                }

                public string Summary(IReadOnlyCollection<{{e.Name}}> items)
                {
                    if (items.Count == 0)
                    {
                        return "No {{e.Plural.ToLowerInvariant()}}.";
                    }

                    var total = items.Sum(x => x.{{e.Amount}});
                    var byStatus = items.GroupBy(x => x.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
                    return $"{items.Count} {{e.Plural.ToLowerInvariant()}}, total {total:N2} ({string.Join(", ", byStatus)}). See {HelpUrl}";
                }

                private static string Escape(string value)
                    => value.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
                """);
            if (xml)
            {
                w.Line();
                w.Block($$"""
                    public XDocument ToAtom(IEnumerable<{{e.Name}}> items, string title)
                    {
                        XNamespace atom = "http://www.w3.org/2005/Atom";
                        var feed = new XElement(atom + "feed", new XElement(atom + "title", title));
                        foreach (var item in items)
                        {
                            feed.Add(new XElement(
                                atom + "entry",
                                new XElement(atom + "id", "urn:uuid:" + item.Id.ToString("D")),
                                new XElement(atom + "title", item.{{e.Text}}),
                                new XElement(atom + "updated", item.{{e.Date}}.ToString("o", CultureInfo.InvariantCulture))));
                        }

                        return new XDocument(feed);
                    }
                    """);
            }

            w.Close();
            Footer(w, close);
            return w.ToString();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>Where a Bank API operation can name the customer it acts for (from the operation table's <c>cg</c> column).</summary>
    [Flags]
    internal enum CustomerCarrier
    {
        /// <summary>Not statically visible (no customer, or only the owner of another resource).</summary>
        None = 0,

        /// <summary><c>customer_guid</c> in the request body.</summary>
        Body = 1,

        /// <summary><c>/api/customers/{customer_guid}</c>.</summary>
        Path = 2,

        /// <summary>The <c>customer_guid</c> list filter of the query string.</summary>
        Query = 4,

        /// <summary>The <c>quote_guid</c> of the body, when the quote was created for a customer.</summary>
        Quote = 8,
    }

    /// <summary>One operation of the Cybrid Bank API, as the shipped table (<see cref="BankOperations.All"/>) describes it.</summary>
    internal sealed class BankOperation
    {
        public BankOperation(
            string api,
            string defaultApi,
            string name,
            string operationId,
            string httpMethod,
            string path,
            string scope,
            bool customerCapable,
            CustomerCarrier carrier)
        {
            Api = api;
            DefaultApi = defaultApi;
            Name = name;
            OperationId = operationId;
            HttpMethod = httpMethod;
            Path = path;
            Scope = scope;
            CustomerCapable = customerCapable;
            Carrier = carrier;
            var relative = path.StartsWith(BankOperations.ApiPrefix, StringComparison.Ordinal) ? path.Substring(BankOperations.ApiPrefix.Length) : path;
            Segments = ImmutableArray.Create(relative.Trim('/').Split('/'));
        }

        /// <summary>The generated class in Cybrid's naming (<c>QuotesBankApi</c>).</summary>
        public string Api { get; }

        /// <summary>The class a plain openapi-generator run names (<c>QuotesApi</c>).</summary>
        public string DefaultApi { get; }

        /// <summary>The generated C# method name without <c>Async</c>/<c>WithHttpInfo</c> (<c>CreateQuote</c>).</summary>
        public string Name { get; }

        /// <summary>The snake_case operation name of the Ruby client (<c>create_quote</c>).</summary>
        public string OperationId { get; }

        public string HttpMethod { get; }

        /// <summary>The path template (<c>/api/customers/{customer_guid}</c>).</summary>
        public string Path { get; }

        /// <summary>The least-privilege scope a token needs for the operation (empty when none is declared).</summary>
        public string Scope { get; }

        /// <summary>Whether the operation's scope can be granted to a customer token (table column <c>cust_capable</c>).</summary>
        public bool CustomerCapable { get; }

        public CustomerCarrier Carrier { get; }

        /// <summary>The template's segments after <c>/api</c> (<c>customers</c>, <c>{customer_guid}</c>).</summary>
        public ImmutableArray<string> Segments { get; }

        public bool IsRead => HttpMethod == "GET";

        /// <summary>
        /// True when the operation can act for one customer and a customer token could make it. Operations Cybrid
        /// reserves for the bank (creating customers or counterparties, listing every customer) and the ones without a
        /// customer (banks, assets, prices, symbols) are never customer-scoped, whatever the table says.
        /// </summary>
        public bool CanBeCustomerScoped => CustomerCapable && Carrier != CustomerCarrier.None && !BankOperations.IsBankLevel(Name);

        /// <summary><c>POST /api/quotes</c>.</summary>
        public string Display => HttpMethod + " " + Path;
    }

    /// <summary>
    /// The Cybrid Bank API operation table (generated into <c>BankOperations.Generated.cs</c> from
    /// <c>shared/cybrid/bank-operations.json</c>) and the lookups CYB0002 needs: by HTTP method and path, and by
    /// generated client class and method name.
    /// </summary>
    internal static partial class BankOperations
    {
        public const string ApiPrefix = "/api";

        /// <summary>Operations a bank token is meant for even though the table marks their scope grantable to customers.</summary>
        public static bool IsBankLevel(string name)
        {
            switch (name)
            {
                case "CreateCustomer": // customers:execute is a bank scope
                case "ListCustomers": // lists every customer of the bank
                case "CreateCounterparty": // counterparties:execute is a bank scope
                case "ListAssets":
                case "ListPrices":
                case "ListSymbols":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The operation a generated method implements: its name minus <c>Async</c>/<c>WithHttpInfo</c>.</summary>
        public static BankOperation? FindByMethodName(string methodName)
        {
            var name = StripSuffixes(methodName);
            return NameIndex.ByName.TryGetValue(name, out var operation) ? operation : null;
        }

        /// <summary>
        /// True when <see cref="FindByMethodName"/> can give an operation that <see cref="BankOperation.CanBeCustomerScoped"/>
        /// for <paramref name="methodName"/>: the only generated-client calls CYB0002 can report. A superset test for
        /// every invocation of a type (no allocation): the method names with each suffix <see cref="StripSuffixes"/> removes.
        /// </summary>
        public static bool MayBeCustomerScopedMethodName(string methodName)
        {
            if (methodName.Length < NameIndex.ShortestScopedName)
            {
                return false;
            }

            // the first letter rejects most names without hashing them (the names start with C, G, L or U)
            var letter = methodName[0] - 'A';
            return letter >= 0 && letter < 26 && (NameIndex.ScopedFirstLetters & (1 << letter)) != 0 && NameIndex.ScopedNames.Contains(methodName);
        }

        /// <summary><c>CreateQuoteWithHttpInfoAsync</c> → <c>CreateQuote</c>.</summary>
        public static string StripSuffixes(string methodName)
        {
            var name = methodName;
            if (name.EndsWith("Async", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "Async".Length);
            }

            if (name.EndsWith("WithHttpInfo", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "WithHttpInfo".Length);
            }

            return name;
        }

        /// <summary>True when <paramref name="typeName"/> is the generated class (either naming) of some operation.</summary>
        public static bool IsApiClassName(string typeName)
        {
            foreach (var operation in All)
            {
                if (operation.Api == typeName || operation.DefaultApi == typeName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The operation for an HTTP method and the path's segments after an optional <c>/api</c> (a
        /// <see langword="null"/> segment stands for a value that is not constant, which only a <c>{…}</c> template
        /// segment accepts).
        /// </summary>
        public static BankOperation? FindByPath(string httpMethod, IReadOnlyList<string?> segments)
        {
            foreach (var operation in All)
            {
                if (operation.HttpMethod != httpMethod || operation.Segments.Length != segments.Count)
                {
                    continue;
                }

                var matches = true;
                for (var i = 0; i < segments.Count && matches; i++)
                {
                    var template = operation.Segments[i];
                    var segment = segments[i];
                    if (template.StartsWith("{", StringComparison.Ordinal))
                    {
                        matches = segment == null || segment.Length > 0;
                    }
                    else
                    {
                        matches = segment != null && string.Equals(segment, template, StringComparison.Ordinal);
                    }
                }

                if (matches)
                {
                    return operation;
                }
            }

            return null;
        }

        /// <summary>Built on first use, after <see cref="All"/> (declared in the generated part) is initialized.</summary>
        private static class NameIndex
        {
            public static readonly Dictionary<string, BankOperation> ByName = Create();

            /// <summary>Every spelling of a customer-scoped operation's method name: bare, <c>Async</c>, <c>WithHttpInfo</c>, both.</summary>
            public static readonly HashSet<string> ScopedNames = CreateScopedNames(out ShortestScopedName, out ScopedFirstLetters);

            public static readonly int ShortestScopedName;

            /// <summary>Bit <c>c - 'A'</c> is set for each first letter of <see cref="ScopedNames"/>.</summary>
            public static readonly int ScopedFirstLetters;

            private static Dictionary<string, BankOperation> Create()
            {
                var map = new Dictionary<string, BankOperation>(StringComparer.Ordinal);
                foreach (var operation in All)
                {
                    map[operation.Name] = operation;
                }

                return map;
            }

            private static HashSet<string> CreateScopedNames(out int shortest, out int firstLetters)
            {
                // every operation of a name counts (ByName keeps the last one): a superset is all the gate needs
                var names = new HashSet<string>(StringComparer.Ordinal);
                shortest = int.MaxValue;
                firstLetters = 0;
                foreach (var operation in All)
                {
                    if (!operation.CanBeCustomerScoped)
                    {
                        continue;
                    }

                    names.Add(operation.Name);
                    names.Add(operation.Name + "Async");
                    names.Add(operation.Name + "WithHttpInfo");
                    names.Add(operation.Name + "WithHttpInfoAsync");
                    shortest = Math.Min(shortest, operation.Name.Length);
                    var letter = operation.Name[0] - 'A';
                    firstLetters |= letter >= 0 && letter < 26 ? 1 << letter : ~0; // an unexpected first character: test every name
                }

                return names;
            }
        }
    }
}

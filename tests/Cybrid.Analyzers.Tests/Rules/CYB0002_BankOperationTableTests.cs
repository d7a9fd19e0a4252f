using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Cybrid.Analyzers.Internal;
using Cybrid.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Cybrid.Analyzers.Tests.Rules
{
    /// <summary>
    /// The Bank API operation table ships as C# (<c>src/Cybrid.Analyzers/Internal/BankOperations.Generated.cs</c>),
    /// generated from <c>bank-operations.json</c>. This class is the generator: with <c>CYBRID_UPDATE_OPERATIONS=1</c>
    /// it rewrites the C# file from the test project's copy of the JSON; otherwise it checks that the file, the
    /// table the analyzer loads, the copy and the shared original all agree.
    /// </summary>
    public class CYB0002_BankOperationTableTests
    {
        private static readonly bool Update = Environment.GetEnvironmentVariable("CYBRID_UPDATE_OPERATIONS") == "1";

        private static string CopyPath => Path.Combine(PackageCatalog.RepositoryRoot, "tests", "Cybrid.Analyzers.Tests", "Stubs", "CYB0002_bank-operations.json");

        /// <summary>In CI the repository is cloned with <c>shared/</c> beside it.</summary>
        private static string SharedPath => Path.Combine(PackageCatalog.RepositoryRoot, "..", "shared", "cybrid", "bank-operations.json");

        private static string GeneratedPath => Path.Combine(PackageCatalog.RepositoryRoot, "src", "Cybrid.Analyzers", "Internal", "BankOperations.Generated.cs");

        [Fact]
        public void GeneratedFile_MatchesTheJsonTable()
        {
            var expected = Generate(ReadTable(CopyPath));
            var actual = File.ReadAllText(GeneratedPath).Replace("\r\n", "\n");
            if (Update && expected != actual)
            {
                File.WriteAllText(GeneratedPath, expected);
                return;
            }

            Assert.Equal(expected, actual);
        }

        [Fact]
        public void LoadedTable_MatchesTheJsonTable_RowByRow()
        {
            var rows = ReadTable(CopyPath);
            Assert.Equal(72, rows.Count);
            Assert.Equal(rows.Count, BankOperations.All.Length);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var operation = BankOperations.All[i];
                Assert.Equal(row.Api, operation.Api);
                Assert.Equal(row.DefaultApi, operation.DefaultApi);
                Assert.Equal(row.Name, operation.Name);
                Assert.Equal(row.OperationId, operation.OperationId);
                Assert.Equal(row.Method, operation.HttpMethod);
                Assert.Equal(row.Path, operation.Path);
                Assert.Equal(row.Scope, operation.Scope);
                Assert.Equal(row.CustomerCapable, operation.CustomerCapable);
                Assert.Equal(Carrier(row.CustomerIn), operation.Carrier);
            }
        }

        [Fact]
        public void TestCopy_EqualsTheSharedTable_WhenSharedIsBesideTheRepository()
        {
            Assert.True(File.Exists(CopyPath), "the test project keeps a copy of bank-operations.json");
            if (!File.Exists(SharedPath))
            {
                return; // a clone without shared/ beside it: the copy is the reference
            }

            Assert.Equal(
                File.ReadAllText(SharedPath).Replace("\r\n", "\n"),
                File.ReadAllText(CopyPath).Replace("\r\n", "\n"));
        }

        [Theory]
        [InlineData("POST", "quotes", "CreateQuote")]
        [InlineData("POST", "trades", "CreateTrade")]
        [InlineData("GET", "customers/*", "GetCustomer")]
        [InlineData("PATCH", "customers/*", "UpdateCustomer")]
        [InlineData("GET", "customers", "ListCustomers")]
        [InlineData("POST", "customers", "CreateCustomer")]
        [InlineData("DELETE", "transfers/*", "CancelTransfer")]
        [InlineData("GET", "prices", "ListPrices")]
        public void FindByPath_MapsMethodAndTemplate(string method, string path, string name)
        {
            var segments = path.Split('/').Select(s => s == "*" ? null : s).ToArray();
            Assert.Equal(name, BankOperations.FindByPath(method, segments)?.Name);
        }

        [Theory]
        [InlineData("POST", "customer_tokens")]
        [InlineData("GET", "quotes/*/extra")]
        [InlineData("PUT", "quotes")]
        [InlineData("GET", "*")]
        public void FindByPath_UnknownPath_IsNull(string method, string path)
        {
            var segments = path.Split('/').Select(s => s == "*" ? null : s).ToArray();
            Assert.Null(BankOperations.FindByPath(method, segments));
        }

        [Theory]
        [InlineData("CreateQuote", "CreateQuote")]
        [InlineData("CreateQuoteAsync", "CreateQuote")]
        [InlineData("CreateQuoteWithHttpInfo", "CreateQuote")]
        [InlineData("CreateQuoteWithHttpInfoAsync", "CreateQuote")]
        [InlineData("GetCustomerAsync", "GetCustomer")]
        public void FindByMethodName_StripsGeneratedSuffixes(string method, string name)
        {
            Assert.Equal(name, BankOperations.FindByMethodName(method)?.Name);
        }

        [Theory]
        [InlineData("CreateQuote", true)]
        [InlineData("CreateTrade", true)]
        [InlineData("GetCustomer", true)]
        [InlineData("ListTrades", true)]
        [InlineData("CreateCustomer", false)]
        [InlineData("ListCustomers", false)]
        [InlineData("CreateCounterparty", false)]
        [InlineData("ListPrices", false)]
        [InlineData("ListSymbols", false)]
        [InlineData("ListAssets", false)]
        [InlineData("ListBanks", false)]
        [InlineData("CreateFile", false)]
        [InlineData("CreatePlan", false)]
        [InlineData("CreateExecution", false)]
        [InlineData("CreateSardineSession", false)]
        [InlineData("GetQuote", false)]
        public void CanBeCustomerScoped_FollowsTheRule(string name, bool expected)
        {
            Assert.Equal(expected, BankOperations.FindByMethodName(name)!.CanBeCustomerScoped);
        }

        private sealed class Row
        {
            public string Api { get; set; } = string.Empty;

            public string DefaultApi { get; set; } = string.Empty;

            public string Name { get; set; } = string.Empty;

            public string OperationId { get; set; } = string.Empty;

            public string Method { get; set; } = string.Empty;

            public string Path { get; set; } = string.Empty;

            public string Scope { get; set; } = string.Empty;

            public bool CustomerCapable { get; set; }

            public List<string> CustomerIn { get; } = new List<string>();
        }

        private static List<Row> ReadTable(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var rows = new List<Row>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var row = new Row
                {
                    Api = element.GetProperty("api").GetString()!,
                    DefaultApi = element.GetProperty("api_default").GetString()!,
                    Name = element.GetProperty("csharp").GetString()!,
                    OperationId = element.GetProperty("op").GetString()!,
                    Method = element.GetProperty("method").GetString()!,
                    Path = element.GetProperty("path").GetString()!,
                    Scope = element.GetProperty("scope1").GetString()!,
                    CustomerCapable = element.GetProperty("cust_capable").GetBoolean(),
                };
                foreach (var where in element.GetProperty("cg").EnumerateArray())
                {
                    row.CustomerIn.Add(where.GetString()!);
                }

                rows.Add(row);
            }

            return rows;
        }

        /// <summary>The <c>cg</c> column in words → the carrier flags the analyzer uses.</summary>
        private static CustomerCarrier Carrier(IEnumerable<string> customerIn)
        {
            var carrier = CustomerCarrier.None;
            foreach (var text in customerIn)
            {
                if (text.StartsWith("body ", StringComparison.Ordinal))
                {
                    carrier |= CustomerCarrier.Body;
                }
                else if (text == "path")
                {
                    carrier |= CustomerCarrier.Path;
                }
                else if (text.StartsWith("query", StringComparison.Ordinal))
                {
                    carrier |= CustomerCarrier.Query;
                }
                else if (text.StartsWith("indirect: `quote_guid`", StringComparison.Ordinal))
                {
                    carrier |= CustomerCarrier.Quote;
                }
            }

            return carrier;
        }

        private static string CarrierExpression(CustomerCarrier carrier)
        {
            if (carrier == CustomerCarrier.None)
            {
                return "CustomerCarrier.None";
            }

            var parts = new List<string>();
            foreach (var flag in new[] { CustomerCarrier.Body, CustomerCarrier.Path, CustomerCarrier.Query, CustomerCarrier.Quote })
            {
                if ((carrier & flag) != 0)
                {
                    parts.Add("CustomerCarrier." + flag);
                }
            }

            return string.Join(" | ", parts);
        }

        private static string Literal(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        private static string Generate(List<Row> rows)
        {
            var text = new StringBuilder();
            text.Append("// Generated from shared/cybrid/bank-operations.json (the test project's copy) by\n");
            text.Append("// tests/Cybrid.Analyzers.Tests/Rules/CYB0002_BankOperationTableTests.cs. Do not edit by hand; regenerate with\n");
            text.Append("// CYBRID_UPDATE_OPERATIONS=1 dotnet test tests/Cybrid.Analyzers.Tests --filter FullyQualifiedName~CYB0002_BankOperationTable\n");
            text.Append("using System.Collections.Immutable;\n\n");
            text.Append("namespace Cybrid.Analyzers.Internal\n{\n");
            text.Append("    internal static partial class BankOperations\n    {\n");
            text.Append("        /// <summary>The ").Append(rows.Count.ToString(CultureInfo.InvariantCulture))
                .Append(" operations of bank-operations.json, in its order: api, default api, C# name, operation id, HTTP method, path, scope, customer-capable, where the customer is.</summary>\n");
            text.Append("        public static readonly ImmutableArray<BankOperation> All = ImmutableArray.Create(\n");
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                text.Append("            new BankOperation(")
                    .Append(Literal(row.Api)).Append(", ")
                    .Append(Literal(row.DefaultApi)).Append(", ")
                    .Append(Literal(row.Name)).Append(", ")
                    .Append(Literal(row.OperationId)).Append(", ")
                    .Append(Literal(row.Method)).Append(", ")
                    .Append(Literal(row.Path)).Append(", ")
                    .Append(Literal(row.Scope)).Append(", ")
                    .Append(row.CustomerCapable ? "true" : "false").Append(", ")
                    .Append(CarrierExpression(Carrier(row.CustomerIn)))
                    .Append(i == rows.Count - 1 ? "));\n" : "),\n");
            }

            text.Append("    }\n}\n");
            return text.ToString();
        }
    }
}

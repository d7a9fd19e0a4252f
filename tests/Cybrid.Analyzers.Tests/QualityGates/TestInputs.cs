using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Cybrid.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cybrid.Analyzers.Tests.QualityGates
{
    /// <summary>
    /// Every C# input the test suite feeds the analyzers, harvested from the test sources themselves (string
    /// literals that look like C# programs, with the verifier's markup removed), plus the library stubs.
    /// </summary>
    public static class TestInputs
    {
        private static readonly Regex Markup = new Regex(@"\{\|(?:#\d+|[A-Z]+\d+):|\|\}|\[\||\|\]", RegexOptions.Compiled);

        private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> All = new Lazy<IReadOnlyList<(string Name, string Text)>>(Harvest);

        public static IReadOnlyList<(string Name, string Text)> Sources => All.Value;

        /// <summary>The stub sources (library look-alikes) that tests add; they are compiled with every input.</summary>
        public static IReadOnlyList<string> Stubs { get; } = HarvestStubs();

        private static IReadOnlyList<(string Name, string Text)> Harvest()
        {
            var folder = Path.Combine(PackageCatalog.RepositoryRoot, "tests", "Cybrid.Analyzers.Tests", "Rules");
            var inputs = new List<(string, string)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                var index = 0;
                foreach (var token in root.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                        && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                    {
                        continue;
                    }

                    var text = Markup.Replace(token.ValueText, string.Empty);
                    if (!LooksLikeProgram(text))
                    {
                        if (!LooksLikeStatements(text))
                        {
                            continue;
                        }

                        text = StatementHost.Replace("$BODY$", text);
                    }

                    if (seen.Add(text))
                    {
                        inputs.Add((Path.GetFileNameWithoutExtension(file) + "#" + index++, text));
                    }
                }
            }

            return inputs;
        }

        private static IReadOnlyList<string> HarvestStubs()
        {
            var folder = Path.Combine(PackageCatalog.RepositoryRoot, "tests", "Cybrid.Analyzers.Tests", "Stubs");
            if (!Directory.Exists(folder))
            {
                return Array.Empty<string>();
            }

            var stubs = new List<string>();
            foreach (var file in Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                foreach (var token in root.DescendantTokens())
                {
                    if ((token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                        && token.ValueText.Contains("namespace ", StringComparison.Ordinal))
                    {
                        stubs.Add(token.ValueText);
                    }
                }
            }

            return stubs;
        }

        /// <summary>Statement snippets (the body a test wraps in a method) are put in a method of their own.</summary>
        private const string StatementHost = @"using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

class SnippetHost
{
    async Task M(HttpClient client, HttpRequestMessage request, string host, string token, byte[] body)
    {
        $BODY$
    }
}";

        private static bool LooksLikeStatements(string text)
            => text.Length > 12 && text.Contains(';', StringComparison.Ordinal) && !text.Contains("\n[*]", StringComparison.Ordinal)
               && !text.StartsWith("cybrid_analyzers", StringComparison.Ordinal) && !text.StartsWith("dotnet_diagnostic", StringComparison.Ordinal);

        private static bool LooksLikeProgram(string text)
            => text.Length > 30
               && (text.Contains("class ", StringComparison.Ordinal) || text.Contains("record ", StringComparison.Ordinal) || text.Contains("struct ", StringComparison.Ordinal))
               && text.Contains('{', StringComparison.Ordinal)
               && !text.Contains("namespace Microsoft.", StringComparison.Ordinal)
               && !text.Contains("namespace System", StringComparison.Ordinal);
    }
}

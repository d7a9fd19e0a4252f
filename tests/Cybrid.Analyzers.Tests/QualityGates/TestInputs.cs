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

        /// <summary>The stub sources (library look-alikes) of every stub file, by the rule prefix of the file name (CYB0006, …).</summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> StubsByRule { get; } = HarvestStubs();

        /// <summary>
        /// The stubs to compile with an input: those of the input's own rule (inputs are named after their test file,
        /// <c>CYB0006_…Tests#12</c>). Stubs of different rules are never mixed: two look-alikes of one type would
        /// make every use of it ambiguous.
        /// </summary>
        public static IReadOnlyList<string> StubsFor(string inputName)
        {
            var rule = inputName.Length >= 7 ? inputName.Substring(0, 7) : inputName;
            return StubsByRule.TryGetValue(rule, out var stubs) ? stubs : Array.Empty<string>();
        }

        private static IReadOnlyList<(string Name, string Text)> Harvest()
        {
            var folder = Path.Combine(PackageCatalog.RepositoryRoot, "tests", "Cybrid.Analyzers.Tests", "Rules");
            var inputs = new List<(string, string)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                var host = WrapperTemplate(root) ?? StatementHost;
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

                        text = host.Replace("$BODY$", text);
                    }

                    if (seen.Add(text))
                    {
                        inputs.Add((Path.GetFileNameWithoutExtension(file) + "#" + index++, text));
                    }
                }
            }

            return inputs;
        }

        private static IReadOnlyDictionary<string, IReadOnlyList<string>> HarvestStubs()
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var folder = Path.Combine(PackageCatalog.RepositoryRoot, "tests", "Cybrid.Analyzers.Tests", "Stubs");
            if (!Directory.Exists(folder))
            {
                return result;
            }

            foreach (var file in Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                var rule = Path.GetFileName(file).Substring(0, Math.Min(7, Path.GetFileName(file).Length));
                if (!result.TryGetValue(rule, out var existing))
                {
                    existing = new List<string>();
                    result[rule] = existing;
                }

                var stubs = (List<string>)existing;
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

            return result;
        }

        /// <summary>
        /// The test file's own wrapper for statement snippets, e.g. <c>static string InMethod(string body) =&gt; @"…" + body + @"…";</c>,
        /// as a template with <c>$BODY$</c> where the body goes (other string parameters become empty). Null when the
        /// file has none.
        /// </summary>
        private static string? WrapperTemplate(SyntaxNode root)
        {
            foreach (var method in root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
            {
                var parameters = method.ParameterList.Parameters;
                if (method.ReturnType.ToString() != "string" || parameters.Count == 0 || parameters[0].Type?.ToString() != "string"
                    || method.ExpressionBody == null)
                {
                    continue;
                }

                var values = new Dictionary<string, string>(StringComparer.Ordinal) { [parameters[0].Identifier.ValueText] = "$BODY$" };
                foreach (var parameter in parameters.Skip(1))
                {
                    values[parameter.Identifier.ValueText] = ConstantText(root, parameter.Default?.Value) ?? string.Empty;
                }

                var builder = new System.Text.StringBuilder();
                if (TryAppend(root, method.ExpressionBody.Expression, values, builder) && builder.ToString().Contains("$BODY$", StringComparison.Ordinal))
                {
                    return builder.ToString();
                }
            }

            return null;
        }

        private static bool TryAppend(SyntaxNode root, Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression, Dictionary<string, string> values, System.Text.StringBuilder builder)
        {
            switch (expression)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return TryAppend(root, binary.Left, values, builder) && TryAppend(root, binary.Right, values, builder);
                case Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier when values.TryGetValue(identifier.Identifier.ValueText, out var value):
                    builder.Append(value);
                    return true;
                default:
                    var text = ConstantText(root, expression);
                    builder.Append(text);
                    return text != null;
            }
        }

        /// <summary>A string literal, or the name of a string constant of the file initialized with literals.</summary>
        private static string? ConstantText(SyntaxNode root, Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? expression)
        {
            switch (expression)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal.Token.ValueText;
                case Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    var left = ConstantText(root, binary.Left);
                    var right = ConstantText(root, binary.Right);
                    return left == null || right == null ? null : left + right;
                case Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier:
                    var declarator = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
                        .FirstOrDefault(v => v.Identifier.ValueText == identifier.Identifier.ValueText && v.Initializer != null);
                    return declarator == null ? null : ConstantText(root, declarator.Initializer!.Value);
                default:
                    return null;
            }
        }

        /// <summary>Statement snippets of a file without a wrapper are put in a method of their own.</summary>
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

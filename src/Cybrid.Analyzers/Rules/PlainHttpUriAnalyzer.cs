using System;
using System.Collections.Immutable;
using Cybrid.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using static Cybrid.Analyzers.Internal.TypeSymbols;

namespace Cybrid.Analyzers.Rules
{
    /// <summary>
    /// CYB0004: an <c>http://</c> or <c>ws://</c> literal that reaches a network sink — a URI constructor, an
    /// HttpClient/WebRequest/WebClient request, a <c>UriBuilder</c> scheme, or a member, local or parameter whose
    /// name says URL, endpoint, host, webhook, redirect or origin.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PlainHttpUriAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the insecure scheme (<c>http</c> or <c>ws</c>).</summary>
        public const string SchemeProperty = "Scheme";

        private static readonly ImmutableArray<OptionDefinition> Options = ImmutableArray.Create(CybridOptions.PlainHttpAllowedHosts);

        /// <summary>Hosts whose http:// URLs are identifiers (XML, SOAP, JSON schema namespaces), never fetched.</summary>
        private static readonly ImmutableArray<string> NamespaceHosts = ImmutableArray.Create(
            "www.w3.org", "w3.org", "schemas.xmlsoap.org", "schemas.microsoft.com", "json-schema.org",
            "schemas.openxmlformats.org", "purl.org", "tempuri.org", "schemas.datacontract.org", "docs.oasis-open.org", "ns.adobe.com");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CYB0004_PlainHttpUri,
            Descriptors.CYB0004_PlainHttpCybridUri,
            Descriptors.CYB0000_InvalidOption);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None); // a generated client is not the user's code to fix
            context.RegisterCompilationStartAction(start =>
            {
                var state = new CompilationState(start.Compilation);
                start.RegisterSyntaxTreeAction(tree => CybridOptions.ReportInvalidValues(tree, Options));
                // An insecure URL or scheme always starts with constant text — a string literal or a reference to a
                // string constant — so the rule starts from those leaves, keeps the few whose text can begin a
                // plain scheme, and climbs to the places that take a URL (arguments, assignments, declarations,
                // member initializers). Watching those places instead cost a callback with symbol lookups for every
                // argument and assignment of business code.
                start.RegisterOperationAction(
                    state.AnalyzeLeaf,
                    OperationKind.Literal,
                    OperationKind.FieldReference,
                    OperationKind.LocalReference);
            });
        }

        /// <summary>True for names such as <c>BaseUrl</c>, <c>callbackUri</c>, <c>TokenEndpoint</c>, <c>ApiHost</c>, <c>WebhookTarget</c>, <c>RedirectTo</c>, <c>AllowedOrigins</c>.</summary>
        internal static bool IsUrlLikeName(string? name)
        {
            if (name == null || name.Length < 3 || IsNamespaceLikeName(name))
            {
                return false;
            }

            return IdentifierWords.EndsWith(name, "url")
                   || IdentifierWords.EndsWith(name, "uri")
                   || IdentifierWords.EndsWith(name, "endpoint")
                   || IdentifierWords.EndsWith(name, "baseaddress")
                   || IdentifierWords.EndsWith(name, "host")
                   || IdentifierWords.Contains(name, "webhook")
                   || IdentifierWords.Contains(name, "redirect")
                   || IdentifierWords.Contains(name, "origin");
        }

        private static bool IsNamespaceLikeName(string name)
            => IdentifierWords.Contains(name, "namespace") || IdentifierWords.Contains(name, "xmlns");

        private sealed class HostList
        {
            public HostList(ImmutableArray<string> hosts) => Hosts = hosts;

            public ImmutableArray<string> Hosts { get; }
        }

        private sealed class CompilationState
        {
            private readonly INamedTypeSymbol? _uri;
            private readonly INamedTypeSymbol? _uriBuilder;
            private readonly INamedTypeSymbol? _httpClient;
            private readonly INamedTypeSymbol? _httpRequestMessage;
            private readonly INamedTypeSymbol? _webRequest;
            private readonly INamedTypeSymbol? _webClient;
            private readonly ParsedOptionsCache<HostList> _allowedHosts =
                new ParsedOptionsCache<HostList>(o => new HostList(CybridOptions.GetList(o, CybridOptions.PlainHttpAllowedHosts)));

            public CompilationState(Compilation compilation)
            {
                var types = WellKnownTypes.GetOrCreate(compilation);
                _uri = types.Get(WellKnownTypeNames.Uri);
                _uriBuilder = types.Get(WellKnownTypeNames.UriBuilder);
                _httpClient = types.Get(WellKnownTypeNames.HttpClient);
                _httpRequestMessage = types.Get(WellKnownTypeNames.HttpRequestMessage);
                _webRequest = types.Get(WellKnownTypeNames.WebRequest);
                _webClient = types.Get(WellKnownTypeNames.WebClient);
            }

            public void AnalyzeLeaf(OperationAnalysisContext context)
            {
                var leaf = context.Operation;
                if (!IsSchemeLeaf(leaf))
                {
                    return; // nearly every literal and reference stops here, on the operation's own constant
                }

                for (var current = leaf.Parent; current != null; current = current.Parent)
                {
                    var sink = new LeafReporter(context, leaf, current, IsSchemeLeafOf);
                    switch (current.Kind)
                    {
                        case OperationKind.Argument:
                            AnalyzeArgument(sink);
                            break;
                        case OperationKind.SimpleAssignment:
                            AnalyzeAssignment(sink);
                            break;
                        case OperationKind.VariableDeclarator:
                            AnalyzeVariableDeclarator(sink);
                            break;
                        case OperationKind.FieldInitializer:
                        case OperationKind.PropertyInitializer:
                        case OperationKind.ParameterInitializer:
                            AnalyzeMemberInitializer(sink);
                            break;
                    }
                }
            }

            /// <summary>
            /// A string literal or a reference to a string constant whose text can begin <c>http://</c> or <c>ws://</c>,
            /// or is one of those schemes' names. (A constant concatenation has a constant value too, but it is not a leaf.)
            /// </summary>
            private static bool IsSchemeLeaf(IOperation operation)
                => (operation.Kind == OperationKind.Literal || operation.Kind == OperationKind.FieldReference || operation.Kind == OperationKind.LocalReference)
                   && operation.ConstantValue.HasValue && operation.ConstantValue.Value is string text && IsSchemeStart(text);

            /// <summary>
            /// Whether an operation is a leaf of a place that takes a URL. The place is judged from each such leaf (they are
            /// rare) and reported from one (<see cref="LeafReporter"/>).
            /// </summary>
            private static readonly Func<IOperation, IOperation, bool> IsSchemeLeafOf = (operation, sink) => IsSchemeLeaf(operation);

            private void AnalyzeArgument(LeafReporter context)
            {
                var argument = (IArgumentOperation)context.Operation;
                var parameter = argument.Parameter;
                if (parameter == null || parameter.Type.SpecialType != SpecialType.System_String || argument.ArgumentKind != ArgumentKind.Explicit
                    || !MayStartWithInsecureScheme(argument.Value))
                {
                    return;
                }

                var method = parameter.ContainingSymbol as IMethodSymbol;
                var type = method?.ContainingType;
                if (method == null || type == null || IsXmlType(type))
                {
                    return;
                }

                if (IsSchemeParameter(method, parameter))
                {
                    CheckScheme(context, argument.Value, "the scheme of new UriBuilder(…)");
                    return;
                }

                string? sink = null;
                if (method.MethodKind == MethodKind.Constructor && (Is(type, _uri) || Is(type, _uriBuilder) || Is(type, _httpRequestMessage)))
                {
                    sink = "new " + type.Name + "(…)";
                }
                else if ((DerivesFrom(type, _httpClient) || DerivesFrom(type, _webClient)) && method.MethodKind == MethodKind.Ordinary)
                {
                    sink = type.Name + "." + method.Name;
                }
                else if (DerivesFrom(type, _webRequest) && method.IsStatic && method.Name.StartsWith("Create", StringComparison.Ordinal))
                {
                    sink = type.Name + "." + method.Name;
                }
                else if (IsUrlLikeName(parameter.Name))
                {
                    sink = "parameter '" + parameter.Name + "' of " + (method.MethodKind == MethodKind.Constructor ? type.Name : method.Name);
                }

                if (sink != null)
                {
                    CheckUrl(context, argument.Value, sink);
                }
            }

            private void AnalyzeAssignment(LeafReporter context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Value.Type?.SpecialType != SpecialType.System_String || !MayStartWithInsecureScheme(assignment.Value))
                {
                    return;
                }

                var member = assignment.Target switch
                {
                    IPropertyReferenceOperation property => (ISymbol)property.Property,
                    IFieldReferenceOperation field => field.Field,
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (member == null || (member.ContainingType != null && IsXmlType(member.ContainingType)))
                {
                    return;
                }

                if (member is IPropertySymbol { Name: "Scheme" } scheme && Is(scheme.ContainingType, _uriBuilder))
                {
                    CheckScheme(context, assignment.Value, "UriBuilder.Scheme");
                }
                else if (IsUrlLikeName(member.Name))
                {
                    CheckUrl(context, assignment.Value, Describe(member));
                }
            }

            private void AnalyzeVariableDeclarator(LeafReporter context)
            {
                var declarator = (IVariableDeclaratorOperation)context.Operation;
                var value = declarator.GetVariableInitializer()?.Value;
                if (value != null && value.Type?.SpecialType == SpecialType.System_String && MayStartWithInsecureScheme(value) && IsUrlLikeName(declarator.Symbol.Name))
                {
                    CheckUrl(context, value, Describe(declarator.Symbol));
                }
            }

            private void AnalyzeMemberInitializer(LeafReporter context)
            {
                var initializer = (ISymbolInitializerOperation)context.Operation;
                if (initializer.Value.Type?.SpecialType != SpecialType.System_String || !MayStartWithInsecureScheme(initializer.Value))
                {
                    return;
                }

                ISymbol? member = initializer switch
                {
                    IFieldInitializerOperation field when field.InitializedFields.Length > 0 => field.InitializedFields[0],
                    IPropertyInitializerOperation property when property.InitializedProperties.Length > 0 => property.InitializedProperties[0],
                    IParameterInitializerOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (member != null && IsUrlLikeName(member.Name) && !(member.ContainingType != null && IsXmlType(member.ContainingType)))
                {
                    CheckUrl(context, initializer.Value, Describe(member));
                }
            }

            private void CheckUrl(LeafReporter context, IOperation value, string sink)
            {
                if (!ConstantStrings.TryGetLeadingText(value, out var text, out var origin)
                    || !TryGetInsecureScheme(text, out var scheme, out var secure)
                    || !CybridUrls.TryParseAbsolute(text, out _, out var host))
                {
                    return;
                }

                if (host.Length > 0 && (CybridUrls.IsLoopback(host) || IsNamespaceHost(host) || IsAllowed(context, host)))
                {
                    return;
                }

                if (text.IndexOf("xmlns", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return;
                }

                var shown = scheme + "://" + (host.Length > 0 ? host : "…");
                var service = host.Length > 0 ? CybridUrls.Classify(host, out _) : CybridService.None;
                var protocol = scheme == "ws" ? "WebSocket (ws://)" : "HTTP";
                var location = LocationOf(origin);
                if (location == null)
                {
                    return;
                }

                var properties = ImmutableDictionary<string, string?>.Empty.Add(SchemeProperty, scheme);
                var diagnostic = service == CybridService.None
                    ? Diagnostic.Create(Descriptors.CYB0004_PlainHttpUri, location.GetLocation(), properties, shown, sink, protocol, secure)
                    : Diagnostic.Create(Descriptors.CYB0004_PlainHttpCybridUri, location.GetLocation(), properties, shown, ServiceName(service), sink, protocol, secure);
                context.ReportDiagnostic(diagnostic);
            }

            private void CheckScheme(LeafReporter context, IOperation value, string sink)
            {
                var unwrapped = ConstantStrings.Unwrap(value);
                if (unwrapped == null || !ConstantStrings.TryFold(unwrapped, out var text))
                {
                    return;
                }

                string secure;
                if (string.Equals(text, "http", StringComparison.OrdinalIgnoreCase))
                {
                    secure = "https";
                }
                else if (string.Equals(text, "ws", StringComparison.OrdinalIgnoreCase))
                {
                    secure = "wss";
                }
                else
                {
                    return;
                }

                var location = LocationOf(unwrapped);
                if (location != null)
                {
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(SchemeProperty, text.ToLowerInvariant());
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.CYB0004_PlainHttpUri, location.GetLocation(), properties, text, sink, secure == "https" ? "HTTP" : "WebSocket (ws://)", secure));
                }
            }

            /// <summary>
            /// Where to report: the literal that holds the scheme, or the reference to a constant that holds it. A
            /// constant whose own name says URL is reported at its declaration already, so not again at its uses.
            /// </summary>
            private static SyntaxNode? LocationOf(IOperation origin)
            {
                ISymbol? constant = origin switch
                {
                    IFieldReferenceOperation { Field.IsConst: true } field => field.Field,
                    ILocalReferenceOperation { Local.IsConst: true } local => local.Local,
                    _ => null,
                };
                if (constant != null && IsUrlLikeName(constant.Name) && !constant.DeclaringSyntaxReferences.IsEmpty)
                {
                    return null;
                }

                return origin.Syntax;
            }

            private bool IsAllowed(LeafReporter context, string host)
            {
                var allowed = _allowedHosts.Get(context.Options, context.Operation.Syntax.SyntaxTree).Hosts;
                foreach (var pattern in allowed)
                {
                    if (CybridUrls.MatchesHostPattern(host, pattern))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool IsSchemeParameter(IMethodSymbol method, IParameterSymbol parameter)
                => method.MethodKind == MethodKind.Constructor && parameter.Name == "schemeName" && Is(method.ContainingType, _uriBuilder);

        }

        /// <summary>
        /// The string literal at the left end of a constant's initializer, following constants of the same type
        /// (<c>const string Items = Root + "/items"</c> leads to Root's literal); null when it is not in source.
        /// The code fix uses it to rewrite a constant reported at one of its uses.
        /// </summary>
        internal static SyntaxNode? DeclaredLiteral(ISymbol constant, int depth = 0)
        {
            if (depth > 8 || constant.DeclaringSyntaxReferences.Length != 1
                || !(constant.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } expression }))
            {
                return null;
            }

            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                        expression = binary.Left;
                        continue;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        return literal;
                    case InterpolatedStringExpressionSyntax interpolated:
                        return interpolated;
                    case IdentifierNameSyntax identifier when constant.ContainingType != null:
                        foreach (var member in constant.ContainingType.GetMembers(identifier.Identifier.ValueText))
                        {
                            if (member is IFieldSymbol { IsConst: true } field)
                            {
                                return DeclaredLiteral(field, depth + 1);
                            }
                        }

                        return null;
                    default:
                        return null;
                }
            }
        }

        /// <summary>
        /// An allocation-free pre-check run before anything else in the callbacks (most string values in a code base
        /// are not URLs): false only when <paramref name="value"/> certainly does not start with <c>http://</c> or
        /// <c>ws://</c> as <see cref="ConstantStrings.TryGetLeadingText"/> reads it, or with the scheme name itself
        /// (<c>"http"</c>, for <c>UriBuilder</c>). Anything it cannot decide cheaply answers true.
        /// </summary>
        internal static bool MayStartWithInsecureScheme(IOperation? value)
        {
            for (var depth = 0; depth < 32; depth++)
            {
                value = ConstantStrings.Unwrap(value);
                switch (value)
                {
                    case null:
                        return false;
                    case IInterpolatedStringOperation interpolated:
                        if (interpolated.Parts.Length > 0 && interpolated.Parts[0] is IInterpolatedStringTextOperation first)
                        {
                            return first.Text.ConstantValue.Value is string text && IsSchemeStart(text);
                        }

                        return true; // starts with a hole, or empty: the full check decides
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                        var left = ConstantStrings.Unwrap(binary.LeftOperand);
                        value = left != null && left.ConstantValue.HasValue && left.ConstantValue.Value is string { Length: 0 }
                            ? binary.RightOperand
                            : binary.LeftOperand;
                        continue;
                    default:
                        return value.ConstantValue.HasValue && value.ConstantValue.Value is string constant && IsSchemeStart(constant);
                }
            }

            return true;
        }

        /// <summary>Starts with <c>http://</c> or <c>ws://</c>, or is a beginning of one of them (the rest may follow in the next part).</summary>
        private static bool IsSchemeStart(string text)
        {
            if (text.Length == 0)
            {
                return false;
            }

            return text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                   || text.StartsWith("ws://", StringComparison.OrdinalIgnoreCase)
                   || (text.Length < 7 && "http://".StartsWith(text, StringComparison.OrdinalIgnoreCase))
                   || (text.Length < 5 && "ws://".StartsWith(text, StringComparison.OrdinalIgnoreCase));
        }

        private static bool TryGetInsecureScheme(string text, out string scheme, out string secure)
        {
            if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                scheme = "http";
                secure = "https://";
                return true;
            }

            if (text.StartsWith("ws://", StringComparison.OrdinalIgnoreCase))
            {
                scheme = "ws";
                secure = "wss://";
                return true;
            }

            scheme = secure = string.Empty;
            return false;
        }

        private static bool IsNamespaceHost(string host)
        {
            foreach (var known in NamespaceHosts)
            {
                if (host == known)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>System.Xml and System.Xml.Linq types take namespace URIs, which are names, not addresses.</summary>
        private static bool IsXmlType(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace;
            while (ns != null && !ns.IsGlobalNamespace)
            {
                if (ns.Name == "Xml" && ns.ContainingNamespace is { Name: "System" } system && system.ContainingNamespace.IsGlobalNamespace)
                {
                    return true;
                }

                ns = ns.ContainingNamespace;
            }

            return false;
        }

        private static string Describe(ISymbol symbol)
        {
            switch (symbol.Kind)
            {
                case SymbolKind.Property:
                    return "property '" + symbol.Name + "'";
                case SymbolKind.Field:
                    return "field '" + symbol.Name + "'";
                case SymbolKind.Local:
                    return "local '" + symbol.Name + "'";
                case SymbolKind.Parameter:
                    return "parameter '" + symbol.Name + "'";
                default:
                    return "'" + symbol.Name + "'";
            }
        }

        private static string ServiceName(CybridService service)
        {
            switch (service)
            {
                case CybridService.Bank:
                    return "Bank API";
                case CybridService.Identity:
                    return "Identity API";
                case CybridService.Organization:
                    return "Organization API";
                default:
                    return "API";
            }
        }
    }
}

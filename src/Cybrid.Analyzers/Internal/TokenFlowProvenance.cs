using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// What authorizes a request: a token expression to classify (and to report and replace), or an authorization
    /// whose kind is already known and that has no token expression in the code — a generated <c>Configuration</c>
    /// that fetches its own client-credentials token, or a client listed as a token source.
    /// </summary>
    internal sealed class AuthorizationToken
    {
        public AuthorizationToken(IOperation expression, TokenKind? knownKind = null)
        {
            Expression = expression;
            KnownKind = knownKind;
        }

        /// <summary>The token expression (the <c>t</c> of <c>new AuthenticationHeaderValue("Bearer", t)</c>, of <c>$"Bearer {t}"</c>, of <c>AccessToken = t</c>), or where the implicit authorization shows.</summary>
        public IOperation Expression { get; }

        /// <summary>Set when the kind does not come from classifying <see cref="Expression"/>; no fix is offered then.</summary>
        public TokenKind? KnownKind { get; }
    }

    /// <summary>
    /// CYB0002's token side for one type: the provenance of token expressions (bank, organization, customer,
    /// unknown) and the binding of a request to the token that authorizes it.
    /// </summary>
    internal sealed partial class TokenFlowSession
    {
        private const int MaxDepth = 14;

        private readonly Func<IMethodSymbol, TokenFlowSession?>? _otherTypeSession;
        private readonly Dictionary<ISymbol, TokenKind> _symbolKinds = new Dictionary<ISymbol, TokenKind>(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _inProgress = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly CancellationToken _cancellationToken;
        private int _cuts;
        private bool _summarizing;

        /// <param name="index">The facts of the type.</param>
        /// <param name="options">The options of the file being analyzed.</param>
        /// <param name="otherTypeSession">Gives a session for a method declared in another type of the compilation (one-level summaries), or null.</param>
        /// <param name="cancellationToken">Cancellation of the analysis.</param>
        public TokenFlowSession(TokenFlowIndex index, TokenFlowOptions options, Func<IMethodSymbol, TokenFlowSession?>? otherTypeSession, CancellationToken cancellationToken)
        {
            Index = index;
            Options = options;
            _otherTypeSession = otherTypeSession;
            _cancellationToken = cancellationToken;
        }

        public TokenFlowIndex Index { get; }

        public TokenFlowOptions Options { get; }

        /// <summary>
        /// Whether every write to <c>GlobalConfiguration.Instance.AccessToken</c> in the compilation lies in the given
        /// type; a global token set elsewhere could be the one a client uses. Null: only this type's writes are known.
        /// </summary>
        public Func<INamedTypeSymbol, bool>? GlobalTokenWrittenOnlyIn { get; set; }

        /// <summary>What the value of <paramref name="operation"/> is known to be.</summary>
        public TokenKind Classify(IOperation operation) => Core(operation, 0);

        /// <summary>
        /// The summary of a method of this session's type: the join of the values it returns. Summaries do not use
        /// other summaries (one level).
        /// </summary>
        public TokenKind Summarize(IMethodSymbol method)
        {
            if (!Index.HasReturns(method))
            {
                return TokenKind.Unknown;
            }

            var saved = _summarizing;
            _summarizing = true;
            try
            {
                return Join(Index.ReturnsOf(method), 0);
            }
            finally
            {
                _summarizing = saved;
            }
        }

        /// <summary>
        /// The bearer tokens that authorize <paramref name="request"/>, or null when the binding cannot be shown: no
        /// authorization is visible, or one of them is not a bearer token CYB0002 can read.
        /// </summary>
        public List<AuthorizationToken>? Authorizations(RequestFacts request)
            => (request.IsGeneratedClient ? ConfigurationTokens(request) : HeaderTokens(request)) ?? ConfiguredClientAuthorization(request);

        /// <summary>
        /// A request with no visible authorization (a <c>DelegatingHandler</c> or DI adds it) through a client listed in
        /// <c>bank_token_sources</c>/<c>customer_token_sources</c>: the client member, the client class the request is
        /// sent from, or the handler type the client is built with.
        /// </summary>
        private List<AuthorizationToken>? ConfiguredClientAuthorization(RequestFacts request)
        {
            if (request.Client == null || (Options.BankTokenSources.IsEmpty && Options.CustomerTokenSources.IsEmpty))
            {
                return null;
            }

            var client = ConstantStrings.Unwrap(request.Client)!;
            var kind = Options.ConfiguredKind(null, Index.Type) | Options.ConfiguredKind(null, client.Type);
            if (TokenFlowIndex.TryGetRoot(client, out var root, out var path) && path.Length == 0)
            {
                if (root is ISymbol member)
                {
                    kind |= Options.ConfiguredKind(member, null);
                }

                var values = root is IOperation created ? new List<IOperation> { created } : Index.ValuesAt(root, TokenFlowIndex.Self);
                foreach (var value in values)
                {
                    if (ConstantStrings.Unwrap(value) is IObjectCreationOperation creation)
                    {
                        foreach (var argument in creation.Arguments)
                        {
                            var handlerType = ConstantStrings.Unwrap(argument.Value)?.Type;
                            if (TokenFlowFacts.DerivesFrom(handlerType, "HttpMessageHandler", "System.Net.Http"))
                            {
                                kind |= Options.ConfiguredKind(null, handlerType);
                            }
                        }
                    }
                }
            }

            return kind == TokenKind.None ? null : new List<AuthorizationToken> { new AuthorizationToken(client, kind) };
        }

        private List<AuthorizationToken>? HeaderTokens(RequestFacts request)
        {
            List<IOperation>? values = null;
            if (request.Message != null)
            {
                var message = ConstantStrings.Unwrap(request.Message);
                if (TokenFlowIndex.TryGetRoot(message, out var messageRoot, out var messagePath))
                {
                    values = Index.ValuesAt(messageRoot, TokenFlowIndex.Combine(messagePath, "Headers.Authorization"));
                }
            }

            if ((values == null || values.Count == 0) && request.Client != null)
            {
                return ClientHeaderTokens(request.Client);
            }

            return BearerTokens(values);
        }

        /// <summary>The tokens of a client's <c>DefaultRequestHeaders</c> Authorization.</summary>
        private List<AuthorizationToken>? ClientHeaderTokens(IOperation client)
            => TokenFlowIndex.TryGetRoot(client, out var clientRoot, out var clientPath)
                ? BearerTokens(Index.ValuesAt(clientRoot, TokenFlowIndex.Combine(clientPath, "DefaultRequestHeaders.Authorization")))
                : null;

        private List<AuthorizationToken>? BearerTokens(List<IOperation>? values)
        {
            if (values == null || values.Count == 0)
            {
                return null;
            }

            var tokens = new List<AuthorizationToken>();
            foreach (var value in values)
            {
                if (!AddBearerTokens(value, tokens, 0))
                {
                    return null;
                }
            }

            return tokens;
        }

        /// <summary>
        /// The token inside an authorization value: <c>new AuthenticationHeaderValue("Bearer", t)</c>,
        /// <c>AuthenticationHeaderValue.Parse("Bearer " + t)</c>, a <c>"Bearer {t}"</c> header string, or a variable
        /// holding one of those.
        /// </summary>
        private bool AddBearerTokens(IOperation value, List<AuthorizationToken> tokens, int depth)
        {
            var unwrapped = ConstantStrings.Unwrap(value);
            if (unwrapped == null || depth > 4)
            {
                return false;
            }

            switch (unwrapped)
            {
                case IObjectCreationOperation creation when creation.Type?.Name == "AuthenticationHeaderValue":
                    if (creation.Arguments.Length == 2 && TokenFlowText.TryFold(creation.Arguments[0].Value, Index, out var scheme)
                        && string.Equals(scheme.Trim(), "Bearer", StringComparison.OrdinalIgnoreCase))
                    {
                        tokens.Add(new AuthorizationToken(ConstantStrings.Unwrap(creation.Arguments[1].Value)!));
                        return true;
                    }

                    return false;
                case IInvocationOperation { TargetMethod: { Name: "Parse", IsStatic: true, ContainingType.Name: "AuthenticationHeaderValue" } } parse
                    when parse.Arguments.Length == 1:
                    return AddHeaderString(parse.Arguments[0].Value, tokens);
                case ILocalReferenceOperation _:
                case IFieldReferenceOperation _:
                case IPropertyReferenceOperation _:
                    if (unwrapped.Type?.SpecialType == SpecialType.System_String)
                    {
                        return AddHeaderString(unwrapped, tokens);
                    }

                    if (!TokenFlowIndex.TryGetRoot(unwrapped, out var root, out var path) || path.Length != 0 || !(root is ISymbol symbol)
                        || (!(symbol is ILocalSymbol) && !TokenFlowFacts.IsClosedMember(symbol, Index.Type)))
                    {
                        return false;
                    }

                    var values = Index.ValuesOf(symbol);
                    if (values.Count == 0)
                    {
                        return false;
                    }

                    foreach (var written in values)
                    {
                        if (!AddBearerTokens(written, tokens, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return unwrapped.Type?.SpecialType == SpecialType.System_String && AddHeaderString(unwrapped, tokens);
            }
        }

        /// <summary><c>"Bearer " + t</c> / <c>$"Bearer {t}"</c>, or a local that holds one (the token is reported where the header is built).</summary>
        private bool AddHeaderString(IOperation header, List<AuthorizationToken> tokens)
        {
            if (ConstantStrings.Unwrap(header) is ILocalReferenceOperation local)
            {
                var values = Index.ValuesOf(local.Local);
                if (values.Count != 1 || ConstantStrings.Unwrap(values[0]) is ILocalReferenceOperation)
                {
                    return false;
                }

                header = values[0];
            }

            var pieced = TokenFlowText.Build(header, null);
            const string Prefix = "Bearer ";
            if (pieced.Holes.Count != 1 || pieced.Flat.Length != Prefix.Length + 1
                || !pieced.Flat.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || pieced.Flat[Prefix.Length] != PiecedText.Marker)
            {
                return false;
            }

            tokens.Add(new AuthorizationToken(ConstantStrings.Unwrap(pieced.Holes[0])!));
            return true;
        }

        /// <summary>The <c>AccessToken</c> (or OAuth client credentials) of the <c>Configuration</c> a generated client uses.</summary>
        private List<AuthorizationToken>? ConfigurationTokens(RequestFacts request)
        {
            if (request.Client == null || !TokenFlowIndex.TryGetRoot(request.Client, out var apiRoot, out var apiPath))
            {
                return null;
            }

            var tokens = new List<AuthorizationToken>();
            foreach (var token in Index.ValuesAt(apiRoot, TokenFlowIndex.Combine(apiPath, "Configuration.AccessToken")))
            {
                tokens.Add(new AuthorizationToken(ConstantStrings.Unwrap(token)!));
            }

            if (tokens.Count > 0)
            {
                return tokens; // set on this client's own configuration: it wins over whatever configuration it was given
            }

            var configurations = new List<IOperation>();
            var usesGlobal = false;
            List<IOperation> creations;
            if (apiRoot is IOperation created)
            {
                creations = new List<IOperation> { created };
            }
            else if (apiPath.Length == 0 && apiRoot is ISymbol apiSymbol)
            {
                creations = new List<IOperation>(Index.ValuesOf(apiSymbol));
            }
            else
            {
                creations = new List<IOperation>();
            }

            foreach (var value in creations)
            {
                if (!(ConstantStrings.Unwrap(value) is IObjectCreationOperation creation))
                {
                    return null; // an instance from elsewhere (DI, a factory): its configuration is not visible
                }

                var hasConfiguration = false;
                foreach (var argument in creation.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                    {
                        continue;
                    }

                    if (IsConfigurationType(argument.Value.Type))
                    {
                        configurations.Add(argument.Value);
                        hasConfiguration = true;
                    }
                    else if (TokenFlowFacts.DerivesFrom(argument.Value.Type, "HttpClient", "System.Net.Http"))
                    {
                        // a client class built on an HttpClient (NSwag style): the client's default Authorization header
                        var clientTokens = ClientHeaderTokens(argument.Value);
                        if (clientTokens == null)
                        {
                            return null;
                        }

                        tokens.AddRange(clientTokens);
                        hasConfiguration = true;
                    }
                }

                usesGlobal |= !hasConfiguration;
            }

            var assigned = Index.ValuesAt(apiRoot, TokenFlowIndex.Combine(apiPath, "Configuration"));
            configurations.AddRange(assigned);
            if (creations.Count == 0 && assigned.Count == 0)
            {
                return null;
            }

            if (tokens.Count > 0 && configurations.Count == 0 && !usesGlobal)
            {
                return tokens;
            }

            foreach (var configuration in configurations)
            {
                if (!AddConfigurationTokens(configuration, tokens))
                {
                    return null;
                }
            }

            if (usesGlobal && assigned.Count == 0)
            {
                var global = GlobalAccessTokens();
                if (global.Count == 0 || (GlobalTokenWrittenOnlyIn != null && !GlobalTokenWrittenOnlyIn(Index.Type)))
                {
                    return null;
                }

                foreach (var token in global)
                {
                    tokens.Add(new AuthorizationToken(ConstantStrings.Unwrap(token)!));
                }
            }

            return tokens.Count == 0 ? null : tokens;
        }

        private bool AddConfigurationTokens(IOperation configuration, List<AuthorizationToken> tokens)
        {
            var unwrapped = ConstantStrings.Unwrap(configuration);
            object? root;
            string path;
            if (unwrapped is IObjectCreationOperation creation)
            {
                root = creation;
                path = TokenFlowIndex.Self;
            }
            else if (unwrapped is IPropertyReferenceOperation { Property: { Name: "Instance", IsStatic: true } } instance
                     && instance.Property.ContainingType?.Name == "GlobalConfiguration")
            {
                var global = GlobalAccessTokens();
                if (GlobalTokenWrittenOnlyIn != null && !GlobalTokenWrittenOnlyIn(Index.Type))
                {
                    return false;
                }

                foreach (var token in global)
                {
                    tokens.Add(new AuthorizationToken(ConstantStrings.Unwrap(token)!));
                }

                return global.Count > 0;
            }
            else if (!TokenFlowIndex.TryGetRoot(unwrapped, out root, out path))
            {
                return false;
            }

            var accessTokens = Index.ValuesAt(root, TokenFlowIndex.Combine(path, "AccessToken"));
            if (accessTokens.Count > 0)
            {
                foreach (var token in accessTokens)
                {
                    tokens.Add(new AuthorizationToken(ConstantStrings.Unwrap(token)!));
                }

                return true;
            }

            var secrets = Index.ValuesAt(root, TokenFlowIndex.Combine(path, "OAuthClientSecret"));
            var ids = Index.ValuesAt(root, TokenFlowIndex.Combine(path, "OAuthClientId"));
            if (secrets.Count > 0 && ids.Count > 0)
            {
                // the configuration requests its own client-credentials (bank) token: report where the secret is set
                var written = secrets[0].Parent is ISimpleAssignmentOperation assignment ? (IOperation)assignment : secrets[0];
                tokens.Add(new AuthorizationToken(written, TokenKind.Bank));
                return true;
            }

            return false;
        }

        /// <summary>Values written to <c>GlobalConfiguration.Instance.AccessToken</c> in this type.</summary>
        private List<IOperation> GlobalAccessTokens()
        {
            var result = new List<IOperation>();
            foreach (var key in Index.StaticRoots)
            {
                if (key.Root is IPropertySymbol { Name: "Instance" } property && property.ContainingType?.Name == "GlobalConfiguration" && key.Path == "AccessToken")
                {
                    result.AddRange(Index.ValuesAt(property, "AccessToken"));
                }
            }

            return result;
        }

        private static bool IsConfigurationType(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (type.Name == "Configuration" || type.Name == "IReadableConfiguration" || type.Name == "GlobalConfiguration")
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.Name == "IReadableConfiguration")
                {
                    return true;
                }
            }

            return false;
        }

        private TokenKind Join(IReadOnlyList<IOperation> values, int depth)
        {
            if (values.Count == 0)
            {
                return TokenKind.Unknown;
            }

            var kind = TokenKind.None;
            foreach (var value in values)
            {
                kind |= Core(value, depth + 1);
            }

            return kind;
        }

        private TokenKind Core(IOperation? operation, int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var unwrapped = ConstantStrings.Unwrap(operation);
            if (unwrapped == null || depth > MaxDepth)
            {
                return TokenKind.Unknown;
            }

            if (unwrapped.ConstantValue.HasValue)
            {
                return unwrapped.ConstantValue.Value == null ? TokenKind.None : TokenKind.Unknown;
            }

            switch (unwrapped)
            {
                case IDefaultValueOperation _:
                case IThrowOperation _:
                    return TokenKind.None;
                case IAwaitOperation awaited:
                    return Core(awaited.Operation, depth + 1);
                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return Core(conditional.WhenTrue, depth + 1) | Core(conditional.WhenFalse, depth + 1);
                case ICoalesceOperation coalesce:
                    return Core(coalesce.Value, depth + 1) | Core(coalesce.WhenNull, depth + 1);
                case ICoalesceAssignmentOperation coalesceAssignment:
                    return Core(coalesceAssignment.Target, depth + 1) | Core(coalesceAssignment.Value, depth + 1);
                case ISimpleAssignmentOperation assignment:
                    return Core(assignment.Value, depth + 1);
                case IConditionalAccessOperation conditionalAccess:
                    return Core(conditionalAccess.WhenNotNull, depth + 1);
                case IConditionalAccessInstanceOperation instance:
                    return Core(ConditionalAccessTarget(instance), depth + 1);
                case IInterpolatedStringOperation _:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }:
                    return Concatenation(unwrapped, depth);
                case ILocalReferenceOperation local:
                    return SymbolKind(local.Local, local.Local.Type, closed: true, depth);
                case IParameterReferenceOperation parameter:
                    return TokenFlowFacts.CombineEvidence(TokenKind.Unknown, Evidence(parameter.Parameter, parameter.Parameter.Type));
                case IFieldReferenceOperation _:
                case IPropertyReferenceOperation _:
                    return MemberKind((IMemberReferenceOperation)unwrapped, depth);
                case IInvocationOperation invocation:
                    return InvocationKind(invocation, depth);
                case IObjectCreationOperation creation:
                    if (creation.Type?.Name == "AuthenticationHeaderValue" && creation.Arguments.Length == 2)
                    {
                        return Core(creation.Arguments[1].Value, depth + 1);
                    }

                    return TokenFlowFacts.CombineEvidence(TokenKind.Unknown, TypeEvidence(creation.Type));
                default:
                    return TokenFlowFacts.CombineEvidence(TokenKind.Unknown, TypeEvidence(unwrapped.Type));
            }
        }

        private static IOperation? ConditionalAccessTarget(IConditionalAccessInstanceOperation instance)
        {
            for (var current = instance.Parent; current != null; current = current.Parent)
            {
                if (current is IConditionalAccessOperation conditional)
                {
                    return conditional.Operation;
                }
            }

            return null;
        }

        /// <summary><c>$"{t}"</c>, <c>"Bearer " + t</c>: the one non-constant part, when the rest is the scheme or nothing.</summary>
        private TokenKind Concatenation(IOperation operation, int depth)
        {
            if (operation.Type?.SpecialType != SpecialType.System_String)
            {
                return TokenKind.Unknown;
            }

            var pieced = TokenFlowText.Build(operation, Index);
            if (pieced.Holes.Count != 1)
            {
                return TokenKind.Unknown;
            }

            var text = pieced.Flat.Replace(PiecedText.Marker.ToString(), string.Empty).Trim();
            return text.Length == 0 || string.Equals(text, "Bearer", StringComparison.OrdinalIgnoreCase)
                ? Core(pieced.Holes[0], depth + 1)
                : TokenKind.Unknown;
        }

        /// <summary>A local, or a field/property only this type writes: the join of its writes, with its name and type as evidence.</summary>
        private TokenKind SymbolKind(ISymbol symbol, ITypeSymbol? type, bool closed, int depth)
        {
            if (_symbolKinds.TryGetValue(symbol, out var known))
            {
                return known;
            }

            if (!_inProgress.Add(symbol))
            {
                _cuts++;
                return TokenKind.None; // a cycle adds nothing new to the join
            }

            var cutsBefore = _cuts;
            TokenKind provenance;
            try
            {
                provenance = closed ? Join(Index.ValuesOf(symbol), depth) : TokenKind.Unknown;
            }
            finally
            {
                _inProgress.Remove(symbol);
            }

            var kind = TokenFlowFacts.CombineEvidence(provenance, Evidence(symbol, type));
            if (_cuts == cutsBefore && !_summarizing)
            {
                _symbolKinds[symbol] = kind; // a value computed inside a summary knows less (no nested summaries): not kept
            }

            return kind;
        }

        private TokenKind MemberKind(IMemberReferenceOperation reference, int depth)
        {
            var member = reference.Member;
            var type = reference.Type;
            var instance = reference.Instance;
            if (reference is IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
            {
                return indexer.Arguments.Length == 1 && TokenFlowText.TryFold(indexer.Arguments[0].Value, Index, out var key) && key == "access_token"
                    ? Core(instance, depth + 1)
                    : TokenFlowFacts.CombineEvidence(TokenKind.Unknown, Evidence(member, type));
            }

            var isOwn = (instance == null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                        && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, Index.Type.OriginalDefinition);
            if (isOwn)
            {
                var definition = member.OriginalDefinition;
                if (TokenFlowFacts.IsClosedMember(definition, Index.Type) && (Index.ValuesOf(definition).Count > 0 || !(member is IPropertySymbol { GetMethod: { } })))
                {
                    return SymbolKind(definition, type, closed: true, depth);
                }

                if (member is IPropertySymbol { GetMethod: { } getter })
                {
                    return TokenFlowFacts.CombineEvidence(_summarizing ? TokenKind.Unknown : Summarize(getter.OriginalDefinition), Evidence(member, type));
                }

                return TokenFlowFacts.CombineEvidence(TokenKind.Unknown, Evidence(member, type));
            }

            if (instance == null || instance is IInstanceReferenceOperation)
            {
                // a static member of another type, or an inherited one: its name, type and (for a property) getter
                var inherited = member is IPropertySymbol { GetMethod: { } staticGetter } && !_summarizing ? OtherTypeSummary(staticGetter.OriginalDefinition) : TokenKind.Unknown;
                return TokenFlowFacts.CombineEvidence(inherited, Evidence(member, type));
            }

            // a token response's access token, or a wrapper around the value (Task.Result, response.Content, JsonDocument.RootElement)
            if (TokenFlowFacts.IsAccessTokenName(member.Name) || member.Name == "Result" || member.Name == "Content" || member.Name == "RootElement"
                || member.Name == "Data" || TokenFlowFacts.KindFromType(instance.Type) != TokenKind.None)
            {
                return TokenFlowFacts.CombineEvidence(Core(instance, depth + 1), Evidence(member, type));
            }

            if (member is IPropertySymbol { GetMethod: { } otherGetter } && !_summarizing)
            {
                return TokenFlowFacts.CombineEvidence(OtherTypeSummary(otherGetter.OriginalDefinition), Evidence(member, type));
            }

            return TokenFlowFacts.CombineEvidence(TokenKind.Unknown, Evidence(member, type));
        }

        private TokenKind InvocationKind(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            var evidence = Evidence(method, method.ReturnType) | ReceiverEvidence(method, receiver);
            var request = Request(invocation);
            if (request.Role == RequestRole.ClientCredentials || request.Role == RequestRole.CustomerToken)
            {
                return TokenFlowFacts.CombineEvidence(request.IssuedKind, evidence);
            }

            if (request.Role == RequestRole.BankOperation)
            {
                return TokenFlowFacts.CombineEvidence(TokenKind.Unknown, evidence);
            }

            switch (method.Name)
            {
                case "ReadFromJsonAsync":
                case "ReadAsStringAsync":
                case "ReadAsStreamAsync":
                case "ReadAsByteArrayAsync":
                case "ReadAsAsync":
                case "EnsureSuccessStatusCode":
                case "ConfigureAwait":
                case "GetAwaiter":
                case "GetResult":
                case "GetString":
                case "ToString":
                case "Trim":
                case "ToObject":
                case "Value" when method.IsGenericMethod:
                    if (receiver != null && invocation.Arguments.Length <= (invocation.Instance == null ? 3 : 2))
                    {
                        return TokenFlowFacts.CombineEvidence(Core(receiver, depth + 1), evidence);
                    }

                    break;
                case "GetProperty":
                case "GetValue":
                case "Value":
                    if (receiver != null && invocation.Arguments.Length > (invocation.Instance == null ? 1 : 0))
                    {
                        var keyArgument = invocation.Arguments[invocation.Instance == null ? 1 : 0].Value;
                        return TokenFlowText.TryFold(keyArgument, Index, out var key) && key == "access_token"
                            ? Core(receiver, depth + 1)
                            : TokenFlowFacts.CombineEvidence(TokenKind.Unknown, evidence);
                    }

                    break;
                case "Deserialize":
                case "DeserializeAsync":
                case "DeserializeObject":
                case "Parse":
                case "FromResult":
                    if (method.IsStatic && invocation.Arguments.Length >= 1)
                    {
                        return TokenFlowFacts.CombineEvidence(Core(invocation.Arguments[0].Value, depth + 1), evidence);
                    }

                    break;
            }

            if (invocation.Instance == null && method.IsExtensionMethod)
            {
                return TokenFlowFacts.CombineEvidence(TokenKind.Unknown, evidence);
            }

            TokenKind provenance;
            if (_summarizing)
            {
                provenance = TokenKind.Unknown;
            }
            else if (method.MethodKind == MethodKind.LocalFunction || SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, Index.Type.OriginalDefinition))
            {
                provenance = Summarize(method.OriginalDefinition);
            }
            else
            {
                provenance = OtherTypeSummary(method.OriginalDefinition);
            }

            return TokenFlowFacts.CombineEvidence(provenance, evidence);
        }

        private TokenKind OtherTypeSummary(IMethodSymbol method)
        {
            if (_otherTypeSession == null || method.DeclaringSyntaxReferences.IsEmpty)
            {
                return TokenKind.Unknown;
            }

            var session = _otherTypeSession(method);
            return session == null ? TokenKind.Unknown : session.Summarize(method);
        }

        /// <summary>The name, type and configuration evidence about a symbol that holds or returns a token.</summary>
        private TokenKind Evidence(ISymbol symbol, ITypeSymbol? type)
        {
            var kind = TypeEvidence(type) | Options.ConfiguredKind(symbol, type);
            if (Options.NameHeuristics && (TokenFlowFacts.CanHoldToken(type) || TypeNameSaysToken(type)))
            {
                kind |= TokenFlowFacts.KindFromName(symbol.Name);
            }

            return kind;
        }

        private TokenKind TypeEvidence(ITypeSymbol? type) => TokenFlowFacts.KindFromType(type) | Options.ConfiguredKind(null, type);

        /// <summary>
        /// <c>_bankTokens.GetTokenAsync()</c>: a method whose name mentions a token, called on a receiver whose name or
        /// type says whose token it is.
        /// </summary>
        private TokenKind ReceiverEvidence(IMethodSymbol method, IOperation? receiver)
        {
            if (receiver == null || !IdentifierWords.Contains(method.Name, "token") || !TokenFlowFacts.CanHoldToken(method.ReturnType))
            {
                return TokenKind.None;
            }

            var kind = TokenFlowFacts.KindFromType(receiver.Type);
            if (Options.NameHeuristics && TokenFlowIndex.TryGetRoot(receiver, out var root, out var path) && path.Length == 0 && root is ISymbol symbol)
            {
                kind |= TokenFlowFacts.KindFromName(symbol.Name);
            }

            return kind;
        }

        private static bool TypeNameSaysToken(ITypeSymbol? type)
        {
            var inner = TokenFlowFacts.UnwrapTask(type);
            return inner != null && inner.SpecialType == SpecialType.None && IdentifierWords.Contains(inner.Name, "token");
        }
    }
}

// A fragment on the Node interface, read through Query.node(id:), and a
// skill id to ask it about.
graphql`
  fragment RelayNode_node on Node {
    id
    ... on Skill { name }
    ... on Tool { name }
  }
`;

graphql`
  query RelayNodeQuery($id: ID!) {
    node(id: $id) { __typename ...RelayNode_node }
  }
`;

graphql`
  query RelayNodeFirstSkillQuery {
    skills(first: 1) { edges { node { id name } } }
  }
`;

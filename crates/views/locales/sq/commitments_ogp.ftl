## Commitments: commitments_ogp

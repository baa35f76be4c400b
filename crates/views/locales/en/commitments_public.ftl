## Commitments: commitments_public

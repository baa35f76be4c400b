## Forum texts (forum)

MERGE INTO tenant (name, origin) KEY (name) VALUES ('acme', 'https://acme.example.com');
MERGE INTO tenant (name, origin) KEY (name) VALUES ('globex', 'https://globex.example.com');

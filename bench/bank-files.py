#!/usr/bin/env python3
"""Generates the bank statement files of bench/import.sh: ROWS statement lines as an MT940 file and as a camt.053
document, each split into 28 daily statements that add up, plus the same rows as a CSV for the psql \\copy baseline.

    bench/bank-files.py ROWS RUN OUTDIR   ->  OUTDIR/statement.940, OUTDIR/statement.053.xml, OUTDIR/bank-rows.csv
"""
import sys

rows, run, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
DAYS = 28


def amount(i):
    """Minor units of line i: credits mostly, every seventh a debit."""
    a = 100 + (i * 104729) % 999900
    return -a if i % 7 == 0 else a


def swift(minor):
    sign = "D" if minor < 0 else "C"
    m = abs(minor)
    return sign, f"{m // 100},{m % 100:02d}"


def dec(minor):
    m = abs(minor)
    return f"{m // 100}.{m % 100:02d}"


def days():
    per = -(-rows // DAYS)
    for d in range(1, DAYS + 1):
        lo, hi = (d - 1) * per + 1, min(rows, d * per)
        if lo <= hi:
            yield d, range(lo, hi + 1)


iban = "NL91BENC" + str(abs(hash(run)) % 10**10).zfill(10)
with open(f"{out}/statement.940", "w") as mt, open(f"{out}/bank-rows.csv", "w") as csv:
    csv.write("reference,value_date,amount,end_to_end_id,remittance\n")
    balance = 1_000_000
    for d, lines in days():
        opening = balance
        s, a = swift(opening)
        mt.write(f":20:{run}-{d}\n:25:{iban}\n:28C:{d}/1\n:60F:{s}2603{d:02d}EUR{a}\n")
        for i in lines:
            m = amount(i)
            s, a = swift(m)
            mt.write(f":61:2603{d:02d}03{d:02d}{s}{a}NTRFINV-{i}//B{run}{i}\n:86:/EREF/E2E-{i}//REMI/USTD//Invoice INV-{i}/\n")
            csv.write(f"B{run}{i},2026-03-{d:02d},{dec(m) if m > 0 else '-' + dec(m)},E2E-{i},Invoice INV-{i}\n")
            balance += m
        s, a = swift(balance)
        mt.write(f":62F:{s}2603{d:02d}EUR{a}\n-\n")

with open(f"{out}/statement.053.xml", "w") as x:
    x.write('<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>\n'
            f'<GrpHdr><MsgId>{run}</MsgId><CreDtTm>2026-03-29T06:00:00+01:00</CreDtTm></GrpHdr>\n')
    balance = 1_000_000
    for d, lines in days():
        closing = balance + sum(amount(i) for i in lines)

        def bal(code, minor, day):
            return (f'<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{dec(minor)}</Amt>'
                    f'<CdtDbtInd>{"DBIT" if minor < 0 else "CRDT"}</CdtDbtInd><Dt><Dt>2026-03-{day:02d}</Dt></Dt></Bal>\n')
        x.write(f'<Stmt><Id>{run}-{d}</Id><ElctrncSeqNb>{d}</ElctrncSeqNb><Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>\n')
        x.write(bal("OPBD", balance, d) + bal("CLBD", closing, d))
        for i in lines:
            m = amount(i)
            x.write(f'<Ntry><Amt Ccy="EUR">{dec(m)}</Amt><CdtDbtInd>{"DBIT" if m < 0 else "CRDT"}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>'
                    f'<BookgDt><Dt>2026-03-{d:02d}</Dt></BookgDt><ValDt><Dt>2026-03-{d:02d}</Dt></ValDt><AcctSvcrRef>C{run}{i}</AcctSvcrRef>'
                    f'<NtryDtls><TxDtls><Refs><EndToEndId>E2E-{i}</EndToEndId></Refs><RmtInf><Ustrd>Invoice INV-{i}</Ustrd></RmtInf>'
                    f'</TxDtls></NtryDtls></Ntry>\n')
        x.write("</Stmt>\n")
        balance = closing
    x.write("</BkToCstmrStmt></Document>\n")

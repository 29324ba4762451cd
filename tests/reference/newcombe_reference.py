# SPDX-License-Identifier: GPL-3.0-or-later
# Independent reference for NAP's Newcombe (2006) method-5 interval: expand
# the quartic's coefficients and find all its roots (Durand-Kerner).
from fractions import Fraction as F
import cmath, sys
def mul(p,q):
    r=[0]*(len(p)+len(q)-1)
    for i,a in enumerate(p):
        for j,b in enumerate(q): r[i+j]+=a*b
    return r
def add(p,q):
    n=max(len(p),len(q)); p=p+[0]*(n-len(p)); q=q+[0]*(n-len(q)); return [a+b for a,b in zip(p,q)]
def scale(p,c): return [a*c for a in p]
def ref(A,B,higher=True):
    m,n=len(A),len(B)
    q=sum((1 if (b>a if higher else b<a) else 0.5 if a==b else 0) for a in A for b in B)
    nap=q/(m*n); z=1.959963984540054; h=(m+n)/2-1
    # polynomials in x, lowest degree first
    t1=scale(mul(mul(mul([nap,-1],[nap,-1]),[2,-1]),[1,1]),m*n)
    x1mx=[0,1,-1]
    t2=scale(mul(x1mx, add([2+h], scale(x1mx,1+2*h))), z*z)
    p=add(t1,scale(t2,-1))
    while abs(p[-1])<1e-300: p.pop()
    deg=len(p)-1; c=[a/p[-1] for a in p]
    roots=[(0.4+0.9j)**k for k in range(deg)]
    for _ in range(2000):
        new=[]
        for i,r in enumerate(roots):
            num=sum(c[k]*r**k for k in range(deg+1)); den=1
            for j,s in enumerate(roots):
                if j!=i: den*=(r-s)
            new.append(r-num/den)
        roots=new
    real=sorted(r.real for r in roots if abs(r.imag)<1e-9 and -1e-12<=r.real<=1+1e-12)
    lo=max([r for r in real if r<=nap and (nap<1 or r<1-1e-9)], default=0.0) if nap>0 else 0.0; hi=min([r for r in real if r>=nap and (nap>0 or r>1e-9)], default=1.0) if nap<1 else 1.0
    return nap,lo,hi
if __name__ == "__main__":  # imported by response_reference.py for its intervals
    print("%.10f %.10f %.10f"%ref([20,20,26,25,22,23],[28,25,24,27,30,30,29]))
    print("%.10f %.10f %.10f"%ref([6,7,5,6,7,6,8],[4,3,5,3,2],higher=False))
    print("%.10f %.10f %.10f"%ref([5,5,5],[5,5,5,5]))
    print("%.10f %.10f %.10f"%ref([1,2,3],[4,5,6,7]))
    print("%.10f %.10f %.10f"%ref([7],[3]))
